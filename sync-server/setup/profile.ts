import { createHash } from 'node:crypto';
import { esc } from './html';

/** A UUID made from a seed, so the same CA always gives the same profile (re-download = same). */
function uuidFrom(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`.toUpperCase();
}

/**
 * The iOS / iPadOS configuration profile that installs the office CA: one payload of type
 * com.apple.security.root holding the CA's DER. After installing it the user must still turn on
 * full trust (Settings → General → About → Certificate Trust Settings).
 */
export function mobileconfig(ca: { der: Buffer; name: string; fingerprint256: string }): string {
  const fp = ca.fingerprint256.replace(/:/g, '').toLowerCase();
  const b64 = ca.der.toString('base64').replace(/.{52}/g, '$&\n\t\t\t');
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>PayloadContent</key>
	<array>
		<dict>
			<key>PayloadCertificateFileName</key>
			<string>linli-ca.cer</string>
			<key>PayloadContent</key>
			<data>
			${b64}
			</data>
			<key>PayloadDescription</key>
			<string>${esc(ca.name)}</string>
			<key>PayloadDisplayName</key>
			<string>${esc(ca.name)}</string>
			<key>PayloadIdentifier</key>
			<string>app.linli.ca.${fp.slice(0, 16)}.cert</string>
			<key>PayloadType</key>
			<string>com.apple.security.root</string>
			<key>PayloadUUID</key>
			<string>${uuidFrom(`${fp}/cert`)}</string>
			<key>PayloadVersion</key>
			<integer>1</integer>
		</dict>
	</array>
	<key>PayloadDescription</key>
	<string>${esc(`邻里 Linli: ${ca.name}`)}</string>
	<key>PayloadDisplayName</key>
	<string>${esc(ca.name)}</string>
	<key>PayloadIdentifier</key>
	<string>app.linli.ca.${fp.slice(0, 16)}</string>
	<key>PayloadRemovalDisallowed</key>
	<false/>
	<key>PayloadType</key>
	<string>Configuration</string>
	<key>PayloadUUID</key>
	<string>${uuidFrom(`${fp}/profile`)}</string>
	<key>PayloadVersion</key>
	<integer>1</integer>
</dict>
</plist>
`;
}
