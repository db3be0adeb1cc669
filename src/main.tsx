import { render } from 'solid-js/web';
import { locale } from './i18n';
import { App } from './ui/App';
import { resumeSession } from './ui/session';
import './ui/styles.css';

document.documentElement.lang = locale();
resumeSession();
render(() => <App />, document.getElementById('app')!);
