import { render } from 'solid-js/web';
import { initLocale, locale } from './i18n';
import { App } from './ui/App';
import { resumeSession } from './ui/session';
import './ui/styles.css';

resumeSession();
void initLocale().finally(() => {
  document.documentElement.lang = locale();
  render(() => <App />, document.getElementById('app')!);
});
