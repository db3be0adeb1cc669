import { describe, expect, it } from 'vitest';
import { parseInstallArgs, systemdUnit } from '../../sync-server/service';

describe('install-service: the systemd unit', () => {
  const unit = systemdUnit({ appDir: '/opt/linli', dataDir: '/var/lib/linli', user: 'linli', nodePath: '/usr/bin/node', env: { HTTPS_PORT: '8443', TLS_CA_NAME: '翠湖 花园' } });
  const lines = unit.split('\n');
  const section = (name: string) => {
    const start = lines.indexOf(`[${name}]`);
    const end = lines.findIndex((l, i) => i > start && l.startsWith('['));
    return lines.slice(start + 1, end < 0 ? undefined : end).filter((l) => l && !l.startsWith('#'));
  };

  it('runs the relay as the unprivileged user, restarts on failure, keeps data in DATA_DIR', () => {
    const service = section('Service');
    expect(service).toContain('User=linli');
    expect(service).toContain('Group=linli');
    expect(service).toContain('Restart=on-failure');
    expect(service).toContain('WorkingDirectory=/opt/linli');
    expect(service).toContain('Environment=DATA_DIR=/var/lib/linli');
    expect(service).toContain('Environment=HTTPS_PORT=8443');
    expect(service).toContain('Environment="TLS_CA_NAME=翠湖 花园"');
    expect(service).toContain('ExecStart=/usr/bin/node --import tsx /opt/linli/sync-server/main.ts serve');
    expect(service).toContain('ReadWritePaths=/var/lib/linli');
    expect(service).toContain('NoNewPrivileges=true');
    expect(section('Install')).toEqual(['WantedBy=multi-user.target']);
    expect(section('Unit')).toContain('After=network-online.target');
    // Every line is `Key=value` (systemd would ignore or reject anything else).
    for (const l of [...section('Unit'), ...section('Service'), ...section('Install')]) expect(l).toMatch(/^[A-Za-z]+=\S/);
  });

  it('takes --data-dir and --user, refuses root and broken values', () => {
    expect(parseInstallArgs(['--data-dir', '/srv/linli', '--user', 'office'])).toMatchObject({ dataDir: '/srv/linli', user: 'office', dryRun: false });
    expect(parseInstallArgs([])).toMatchObject({ dataDir: '/var/lib/linli', user: 'linli' });
    expect(() => parseInstallArgs(['--user'])).toThrow(/needs a value/);
    expect(() => parseInstallArgs(['--bogus'])).toThrow(/unknown option/);
    expect(() => systemdUnit({ appDir: '/opt/linli', dataDir: '/var/lib/linli', user: 'root', nodePath: '/usr/bin/node' })).toThrow(/not root/);
    expect(() => systemdUnit({ appDir: '/opt/linli', dataDir: '/var/lib/linli\nUser=root', user: 'linli', nodePath: '/usr/bin/node' })).toThrow(/one line/);
  });
});
