/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/solid" />
interface ImportMetaEnv {
  readonly VITE_RELAY_URL?: string;
}
