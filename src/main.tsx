import { render } from 'solid-js/web';
import { initLocale, locale } from './i18n';
import { App } from './ui/App';
import { migrateStoredDevice } from './store/device-migration';
import { resumeSession } from './ui/session';
import './ui/styles.css';

// A tablet set up before device tokens swaps the office token for its own before connecting.
await migrateStoredDevice();
resumeSession();
void initLocale().finally(() => {
  document.documentElement.lang = locale();
  render(() => <App />, document.getElementById('app')!);
});
