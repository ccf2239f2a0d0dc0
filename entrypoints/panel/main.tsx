import { render } from 'preact';
import { PanelApp } from '../../components/PanelApp';

/** The panel page: an extension page shown in a frame over the article, so the host page cannot read it. */
const root = document.getElementById('app');
if (root) render(<PanelApp language={navigator.language} />, root);
