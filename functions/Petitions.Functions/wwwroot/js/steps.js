// Names of deadline steps and citizen-facing labels shared by the pages.
import { t, has } from './i18n.js';

export function stepName(step) {
  return has(`step.${step}`) ? t(`step.${step}`) : step;
}

/** A case status code of the staff API ("inProgress") in the page's language; an unknown code as it is. */
export function statusName(status) {
  return has(`status.${status}`) ? t(`status.${status}`) : status;
}

export function kindName(kind) {
  return has(`kind.${kind}`) ? t(`kind.${kind}`) : kind;
}
