// The staff timeline and the deadline explanations in the reader's language. The server sends data, not sentences
// (docs/web.md, "Timeline"): each entry is { type, at, actor, actorName, values } and is said with the i18n key
// `timeline.<type>` (or `timeline.<type>.<variant>`), whose {parameters} are the entry's values, formatted here.
import { t, has, lang, formatDate } from './i18n.js';
import { stepName, kindName } from './steps.js';

const IsoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Which wording of a type applies, when one type has several (by its values). */
const Variants = {
  withdrawn: (v) => (v.wholly === 'true' ? 'wholly' : 'partial'),
  decisionChallenged: (v) => (v.how === 'lawsuit' ? 'lawsuit' : 'secondComplaint'),
  closed: (v) => (v.stoppedSteps ? 'stopped' : null),
  receptionMeeting: (v) => (v.followUpOn ? 'followUp' : null),
  extended: (v) => (v.especiallyComplex === 'true' ? 'especially' : null),
  escalated: (v) => (v.recordedLate === 'true' ? 'recordedLate' : ({ true: 'headSeen', false: 'headNotSeen' }[v.headSeen] ?? null)),
  promised: (v) => (v.number && v.number !== '1' ? 'again' : null),
};

/** Values that are codes: each is said through its own i18n family. */
const Codes = { rung: 'rung', outcome: 'outcome', how: 'how', role: 'staff.role' };

function list(text, say) {
  return String(text).split(', ').filter(Boolean).map(say).join(', ');
}

function code(family, value) {
  return has(`${family}.${value}`) ? t(`${family}.${value}`) : value;
}

/**
 * A legal source in the reader's language. The data cite the article and document in Vietnamese and sometimes add an
 * English gloss after it ("Luật Khiếu nại 2011, Điều 32 (unverified: …)"): the citation stays as it is; the gloss is
 * said through `legal.note.<gloss>` in Vietnamese, and left out when it has no translation (the citation still names
 * the article and the document).
 */
export function legalSource(source) {
  const text = String(source ?? '');
  if (lang() === 'en') {
    return text;
  }
  const match = /^(.*?)(?: \((.+)\)|: (.+)|; (.+))$/.exec(text);
  if (!match) {
    return text;
  }
  const [, citation, ...notes] = match;
  const note = notes.find((n) => n !== undefined);
  const key = `legal.note.${note}`;
  return has(key) ? `${citation} (${t(key)})` : citation;
}

function say(name, value, values) {
  if (name.endsWith('NameEn')) {
    return value;
  }
  if (name.endsWith('Name')) {
    return lang() === 'en' && values[`${name}En`] ? values[`${name}En`] : value;
  }
  if (name === 'step' || name.endsWith('Step')) {
    return stepName(value);
  }
  if (name === 'steps' || name === 'stoppedSteps') {
    return list(value, stepName);
  }
  if (name === 'notified') {
    return list(value, (a) => code('audience', a));
  }
  if (name === 'kind') {
    return kindName(value);
  }
  if (name === 'source') {
    return legalSource(value);
  }
  if (Codes[name]) {
    return code(Codes[name], value);
  }
  if (IsoDate.test(value)) {
    return formatDate(value);
  }
  return value;
}

/** The parameters of an entry's sentence: every value, formatted for the reader. */
export function timelineParams(values = {}) {
  const params = {};
  for (const [name, value] of Object.entries(values)) {
    params[name] = say(name, String(value ?? ''), values);
  }
  return params;
}

/** The i18n key that says an entry. */
export function timelineKey(entry) {
  const variant = Variants[entry.type]?.(entry.values ?? {});
  if (variant && has(`timeline.${entry.type}.${variant}`)) {
    return `timeline.${entry.type}.${variant}`;
  }
  return has(`timeline.${entry.type}`) ? `timeline.${entry.type}` : null;
}

/** The sentence of an entry in the reader's language. An unknown type still says what happened, with its values. */
export function timelineText(entry) {
  const key = timelineKey(entry);
  const params = timelineParams(entry.values);
  if (key) {
    return t(key, params);
  }
  const detail = Object.entries(params).filter(([name]) => !name.endsWith('NameEn')).map(([name, value]) => `${name}: ${value}`).join('; ');
  return t('timeline.unknown', { type: entry.type, detail });
}

/** Who acted: a staff member's name, or the system / the citizen in the reader's language. */
export function actorText(entry) {
  if (entry.actor === 'system' || entry.actor === 'citizen') {
    return t(`actor.${entry.actor}`);
  }
  return entry.actorName || entry.actor || '';
}

function unitText(unit) {
  return t(/work/i.test(unit ?? '') ? 'unit.workingDays' : 'unit.days');
}

function skipReason(day) {
  const reason = code('explain.reason', day.reason);
  const name = day.name ? `: ${day.name}` : '';
  const source = day.source ? ` [${legalSource(day.source)}]` : '';
  return `${reason}${name}${source}`;
}

function adjustment(a, unit) {
  const params = {
    value: a.value, unit, count: a.count ?? '', days: a.days ?? '', source: legalSource(a.source ?? ''),
  };
  return t(has(`explain.variant.${a.kind}`) ? `explain.variant.${a.kind}` : 'explain.variant.other', { ...params, kind: a.kind });
}

/** The lines that explain how a clock's due date was reached ({ kind, step, source, unit, baseLimit, … }). */
export function explanationLines(explanation) {
  if (!explanation || typeof explanation !== 'object' || Array.isArray(explanation)) {
    return Array.isArray(explanation) ? explanation.map(String) : [];
  }
  const e = explanation;
  const unit = unitText(e.unit);
  const lines = [t('explain.rule', {
    step: stepName(e.step), kind: kindName(e.kind), limit: e.baseLimit, unit, source: legalSource(e.source),
  })];
  for (const a of e.adjustments ?? []) {
    lines.push(adjustment(a, unit));
  }
  lines.push(t('explain.trigger', { trigger: formatDate(e.trigger), start: formatDate(e.countingStarts) }));
  for (const day of (e.skippedDays ?? []).filter((d) => !d.rollForward)) {
    lines.push(t('explain.skipped', { date: formatDate(day.date), reason: skipReason(day) }));
  }
  lines.push(t('explain.last', { limit: e.limit, unit, date: formatDate(e.lastCountedDay) }));
  for (const day of (e.skippedDays ?? []).filter((d) => d.rollForward)) {
    lines.push(t('explain.roll', { date: formatDate(day.date), reason: skipReason(day) }));
  }
  lines.push(t('explain.due', { date: formatDate(e.due) }));
  return lines;
}
