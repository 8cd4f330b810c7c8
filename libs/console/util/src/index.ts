export { API_BASE_URL, isApiUrl } from './lib/api/api-config';
export { fileNameOf, readBlobError, saveBlob } from './lib/download/save-blob';
export { isUuid } from './lib/ids/is-uuid';
export { apiErrorOf, toUiMessage, type FieldLabels, type StatusMessages } from './lib/errors/error-message';
export { FIELD_PROBLEM_MESSAGES, fieldProblemMessage } from './lib/errors/field-problem-messages';
export { type ChoiceLabel, CONTEST_FIELD_NAMES, LANGUAGE_NAMES, PRIZE_TIER_NAMES, ROUND_FIELD_NAMES } from './lib/errors/field-names';
export { areaDescriptionKey, areaTitleKey, auditActionKey, contestStatusKey, roleKey } from './lib/i18n/keys';
export type { Dictionary, LocaleValue, TranslationKey, TranslationParam, TranslationParams } from './lib/i18n/dictionary';
export {
  caretAfterDigits,
  formatBytes,
  formatDateTime,
  formatGroupedInteger,
  formatMoney,
  formatNumber,
  formatRelative,
  formatScore,
  formatSigned,
  readGroupedInteger,
  timeZoneLabel,
} from './lib/i18n/format';
export { QuantityPipe, ScorePipe } from './lib/i18n/score.pipe';
export { I18nService } from './lib/i18n/i18n.service';
export { LANGUAGES, type Language } from './lib/i18n/language';
export { provideI18n } from './lib/i18n/provide-i18n';
export { TranslatePipe, UiMessagePipe } from './lib/i18n/translate.pipe';
export type { UiMessage } from './lib/i18n/ui-message';
export { CONSOLE_AREAS, areaById, areaByPath, areasOfRole, type AreaId, type ConsoleArea } from './lib/navigation/areas';
export { localStore } from './lib/storage/local-store';
