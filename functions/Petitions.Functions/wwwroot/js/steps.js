// Names of deadline steps and citizen-facing labels shared by the pages.
import { t, has } from './i18n.js';

export function stepName(step) {
  return has(`step.${step}`) ? t(`step.${step}`) : step;
}

export function kindName(kind) {
  return has(`kind.${kind}`) ? t(`kind.${kind}`) : kind;
}
