// Head's view: what is escalated to the head, and what is about to pass their level — the escalated
// and due-soon views filtered to the head's own unit.
import { initLanguage, onLangChange, lang } from '../i18n.js';
import { generalMessage } from '../api.js';
import { byId, clear } from '../dom.js';
import { requireStaff, caseTable, loadCases, unitNames, showPageError } from '../staff.js';

let escalated = [];
let dueSoon = [];
let unitName = (id) => id;

function render() {
  const name = (id) => unitName(id, lang() === 'en');
  clear(byId('escalated-list')).append(caseTable(escalated, name));
  clear(byId('due-list')).append(caseTable(dueSoon, name));
}

async function start() {
  initLanguage();
  const me = await requireStaff();
  if (!me) {
    return;
  }
  onLangChange(render);
  unitName = await unitNames();
  try {
    const [up, soon] = await Promise.all([loadCases('escalated'), loadCases('due-soon')]);
    escalated = up.items.filter((item) => item.unitId === me.unitId);
    dueSoon = soon.items.filter((item) => item.unitId === me.unitId);
    render();
  } catch (error) {
    showPageError(generalMessage(error));
  }
}

start();
