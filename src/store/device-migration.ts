import { loadDeviceConfig, saveDeviceConfig, type DeviceConfig } from './device';
import { checkDeviceToken, migrateToDeviceToken, RelayRequestError } from './relay-api';

/**
 * A tablet set up before device tokens holds the office's shared token, which opens no room
 * any more. Before the office opens, it swaps that token for its own (the relay allows this once
 * per device code); a token already its own is only marked so. Unreachable relay: the tablet
 * opens offline as always and tries again when the network comes back (then reloads, so every
 * shard connects with the new token).
 */
export async function migrateDevice(config: DeviceConfig, save = saveDeviceConfig): Promise<'done' | 'refused' | 'unreachable'> {
  if (config.deviceToken) return 'done';
  try {
    try {
      await checkDeviceToken(config.relayUrl, config.officeId, config.token);
    } catch (err) {
      if (!(err instanceof RelayRequestError) || err.reason !== 'unauthorized') throw err;
      config.token = await migrateToDeviceToken(config.relayUrl, config.officeId, config.token, config.deviceCode);
    }
    config.deviceToken = true;
    save(config);
    return 'done';
  } catch (err) {
    return err instanceof RelayRequestError && err.reason === 'unreachable' ? 'unreachable' : 'refused';
  }
}

/** At start-up (main.tsx): waits at most `waitMs` for the swap, so the first screen is never held long. */
export async function migrateStoredDevice(waitMs = 3000): Promise<void> {
  const config = loadDeviceConfig();
  if (!config || config.deviceToken) return;
  const attempt = migrateDevice(config);
  const outcome = await Promise.race([attempt, new Promise<'slow'>((r) => setTimeout(() => r('slow'), waitMs))]);
  if (outcome === 'done' || outcome === 'refused') return;
  const retry = async () => {
    const fresh = loadDeviceConfig();
    if (fresh && !fresh.deviceToken && (await migrateDevice(fresh)) === 'done') location.reload();
  };
  if (outcome === 'slow') void attempt.then((o) => o === 'done' && location.reload());
  else window.addEventListener('online', () => void retry(), { once: true });
}
