// Home: what can be filed, where (GET /api/units), and the legal time limits.
import { initLanguage, onLangChange, t, lang } from '../i18n.js';
import { getJson } from '../api.js';
import { el, byId, clear } from '../dom.js';

let units = null;

function renderKindLinks() {
  for (const link of document.querySelectorAll('[data-kind-link]')) {
    link.textContent = t('home.fileThis', { kind: t(`kind.${link.dataset.kindLink}`).toLocaleLowerCase(lang()) });
  }
}

function renderUnits() {
  const list = clear(byId('units'));
  if (units === null) {
    list.append(el('li', { text: t('home.unitsError') }));
    return;
  }
  for (const unit of units) {
    const name = lang() === 'en' && unit.nameEn ? unit.nameEn : unit.name;
    list.append(el('li', {}, name, unit.remoteArea ? el('span', { class: 'tag', text: t('home.remote') }) : null));
  }
}

initLanguage();
renderKindLinks();
onLangChange(() => {
  renderKindLinks();
  renderUnits();
});
getJson('/api/units')
  .then((data) => { units = Array.isArray(data) ? data : null; })
  .catch(() => { units = null; })
  .finally(renderUnits);
