// One error family for the whole service: AppError(code, params). The table below is the only place
// that maps a code to an HTTP status and to the human message in kk/ru/en. No framework imports here.

export type Lang = "kk" | "ru" | "en";
export const LANGS: readonly Lang[] = ["kk", "ru", "en"];

interface ErrorSpec {
  readonly status: number;
  readonly title: Readonly<Record<Lang, string>>;
}

// Messages may use {name} placeholders filled from the error's params.
const ERRORS = {
  VALIDATION_FAILED: {
    status: 400,
    title: {
      en: "The request is not valid: {summary}",
      ru: "Запрос некорректен: {summary}",
      kk: "Сұрау дұрыс емес: {summary}",
    },
  },
  MALFORMED_BODY: {
    status: 400,
    title: {
      en: "The request body could not be read as JSON.",
      ru: "Тело запроса не удалось прочитать как JSON.",
      kk: "Сұрау денесін JSON ретінде оқу мүмкін болмады.",
    },
  },
  BODY_TOO_LARGE: {
    status: 413,
    title: {
      en: "The request body is larger than the allowed {limit} bytes.",
      ru: "Тело запроса больше допустимых {limit} байт.",
      kk: "Сұрау денесі рұқсат етілген {limit} байттан үлкен.",
    },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    title: {
      en: "Content type {contentType} is not accepted here; send application/json.",
      ru: "Тип содержимого {contentType} здесь не принимается; отправьте application/json.",
      kk: "{contentType} мазмұн түрі мұнда қабылданбайды; application/json жіберіңіз.",
    },
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    title: {
      en: "There is no {method} {url} in this service.",
      ru: "В этом сервисе нет {method} {url}.",
      kk: "Бұл қызметте {method} {url} жоқ.",
    },
  },
  UNAUTHENTICATED: {
    status: 401,
    title: {
      en: "Sign-in required: send an API token as 'Authorization: Bearer …'.",
      ru: "Требуется вход: передайте API-токен в заголовке 'Authorization: Bearer …'.",
      kk: "Кіру қажет: API токенін 'Authorization: Bearer …' тақырыбында жіберіңіз.",
    },
  },
  TOKEN_INVALID: {
    status: 401,
    title: {
      en: "The API token is not recognised.",
      ru: "API-токен не распознан.",
      kk: "API токені танылмады.",
    },
  },
  TOKEN_REVOKED: {
    status: 401,
    title: {
      en: "The API token has been revoked.",
      ru: "API-токен отозван.",
      kk: "API токені кері қайтарылған.",
    },
  },
  TOKEN_EXPIRED: {
    status: 401,
    title: {
      en: "The API token expired on {expiredAt}.",
      ru: "Срок действия API-токена истёк {expiredAt}.",
      kk: "API токенінің мерзімі {expiredAt} аяқталды.",
    },
  },
  FORBIDDEN: {
    status: 403,
    title: {
      en: "Your roles ({roles}) do not allow this action; it needs one of: {required}.",
      ru: "Ваши роли ({roles}) не позволяют это действие; нужна одна из: {required}.",
      kk: "Сіздің рөлдеріңіз ({roles}) бұл әрекетке рұқсат бермейді; мыналардың бірі қажет: {required}.",
    },
  },
  OTHER_INSTITUTION: {
    status: 403,
    title: {
      en: "Your access belongs to another institution and does not extend to '{slug}'.",
      ru: "Ваш доступ относится к другой организации и не распространяется на «{slug}».",
      kk: "Сіздің қолжетімділігіңіз басқа ұйымға тиесілі және «{slug}» ұйымына қолданылмайды.",
    },
  },
  INSTITUTION_NOT_FOUND: {
    status: 404,
    title: {
      en: "There is no institution '{slug}'.",
      ru: "Организация «{slug}» не найдена.",
      kk: "«{slug}» ұйымы табылмады.",
    },
  },
  INSTITUTION_SLUG_TAKEN: {
    status: 409,
    title: {
      en: "The slug '{slug}' is already used by another institution.",
      ru: "Код «{slug}» уже занят другой организацией.",
      kk: "«{slug}» коды басқа ұйымға тіркелген.",
    },
  },
  INSTITUTION_BIN_TAKEN: {
    status: 409,
    title: {
      en: "An institution with BIN {bin} is already registered.",
      ru: "Организация с БИН {bin} уже зарегистрирована.",
      kk: "БСН {bin} бар ұйым тіркелген.",
    },
  },
  BIN_INVALID: {
    status: 422,
    title: {
      en: "BIN {bin} is not valid: {reason}.",
      ru: "БИН {bin} недействителен: {reason}.",
      kk: "БСН {bin} жарамсыз: {reason}.",
    },
  },
  USER_NOT_FOUND: {
    status: 404,
    title: {
      en: "There is no user {userId}.",
      ru: "Пользователь {userId} не найден.",
      kk: "{userId} пайдаланушысы табылмады.",
    },
  },
  USER_EMAIL_TAKEN: {
    status: 409,
    title: {
      en: "A user with e-mail {email} already exists.",
      ru: "Пользователь с адресом {email} уже существует.",
      kk: "{email} поштасы бар пайдаланушы бұрыннан бар.",
    },
  },
  TOKEN_NOT_FOUND: {
    status: 404,
    title: {
      en: "There is no API token {tokenId} here.",
      ru: "API-токен {tokenId} здесь не найден.",
      kk: "Мұнда {tokenId} API токені жоқ.",
    },
  },
  TOKEN_ALREADY_REVOKED: {
    status: 409,
    title: {
      en: "API token {tokenId} is already revoked.",
      ru: "API-токен {tokenId} уже отозван.",
      kk: "{tokenId} API токені бұрыннан кері қайтарылған.",
    },
  },
  TOKEN_EXPIRY_IN_PAST: {
    status: 422,
    title: {
      en: "The expiry {expiresAt} is in the past.",
      ru: "Срок действия {expiresAt} уже прошёл.",
      kk: "{expiresAt} мерзімі өтіп кеткен.",
    },
  },
  PROGRAMME_NOT_FOUND: {
    status: 404,
    title: {
      en: "There is no programme '{code}' in this institution.",
      ru: "Программа «{code}» в этой организации не найдена.",
      kk: "Бұл ұйымда «{code}» бағдарламасы жоқ.",
    },
  },
  PROGRAMME_CODE_TAKEN: {
    status: 409,
    title: {
      en: "The programme code '{code}' is already used in this institution.",
      ru: "Код программы «{code}» в этой организации уже занят.",
      kk: "«{code}» бағдарлама коды бұл ұйымда бұрыннан қолданылады.",
    },
  },
  PROGRAMME_INVALID: {
    status: 422,
    title: {
      en: "The programme breaks {count} rule(s): {summary}",
      ru: "Программа нарушает правила ({count}): {summary}",
      kk: "Бағдарлама ережелерді бұзады ({count}): {summary}",
    },
  },
  PROGRAMME_TRANSITION_NOT_ALLOWED: {
    status: 409,
    title: {
      en: "Action '{action}' is not possible for a programme in status '{status}'.",
      ru: "Действие «{action}» недоступно для программы в статусе «{status}».",
      kk: "«{status}» мәртебесіндегі бағдарлама үшін «{action}» әрекеті қолжетімсіз.",
    },
  },
  PROGRAMME_VERSION_CONFLICT: {
    status: 409,
    title: {
      en: "The programme was changed by someone else (version {current}, you sent {sent}); reload it and try again.",
      ru: "Программу изменил кто-то другой (версия {current}, вы отправили {sent}); обновите её и повторите.",
      kk: "Бағдарламаны басқа біреу өзгертті (нұсқа {current}, сіз {sent} жібердіңіз); қайта жүктеп, қайталаңыз.",
    },
  },
  IIN_INVALID: {
    status: 422,
    title: {
      en: "IIN {iin} is not valid (12 digits: date of birth, century digit, serial, check digit).",
      ru: "ИИН {iin} недействителен (12 цифр: дата рождения, цифра века, порядковый номер, контрольная цифра).",
      kk: "ЖСН {iin} жарамсыз (12 цифр: туған күні, ғасыр цифры, реттік нөмір, бақылау цифры).",
    },
  },
  LEARNER_NOT_FOUND: {
    status: 404,
    title: {
      en: "There is no learner {learnerId} in this institution.",
      ru: "Обучающийся {learnerId} в этой организации не найден.",
      kk: "Бұл ұйымда {learnerId} білім алушысы жоқ.",
    },
  },
  LEARNER_IIN_TAKEN: {
    status: 409,
    title: {
      en: "A learner with this IIN is already registered ({learnerId}).",
      ru: "Обучающийся с этим ИИН уже зарегистрирован ({learnerId}).",
      kk: "Осы ЖСН-мен білім алушы тіркелген ({learnerId}).",
    },
  },
  ATTESTATION_CONFLICT: {
    status: 409,
    title: {
      en: "A different result is already recorded for this learner in session '{session}'.",
      ru: "Для этого обучающегося в сессии «{session}» уже записан другой результат.",
      kk: "Бұл білім алушы үшін «{session}» сессиясында басқа нәтиже жазылған.",
    },
  },
  ATTESTATION_NOT_FOUND: {
    status: 404,
    title: {
      en: "There is no attestation result {attestationId} here.",
      ru: "Результат аттестации {attestationId} не найден.",
      kk: "{attestationId} аттестаттау нәтижесі табылмады.",
    },
  },
  PROGRAMME_NOT_PUBLISHED: {
    status: 409,
    title: {
      en: "Programme '{code}' is {status}; only a published programme awards micro-qualifications.",
      ru: "Программа «{code}» в статусе «{status}»; присваивать микроквалификации может только опубликованная программа.",
      kk: "«{code}» бағдарламасы «{status}» мәртебесінде; микробіліктілікті тек жарияланған бағдарлама береді.",
    },
  },
  RESULT_NOT_PASSING: {
    status: 422,
    title: {
      en: "Grade {letter} does not award the micro-qualification (M п.16: A–D pass; FX may be retaken, F fails).",
      ru: "Оценка {letter} не даёт микроквалификацию (М п.16: A–D — успешно; FX — можно пересдать, F — не сдано).",
      kk: "{letter} бағасы микробіліктілік бермейді (М 16-т.: A–D — сәтті; FX — қайта тапсыруға болады, F — өтпеді).",
    },
  },
  CREDENTIAL_NOT_FOUND: {
    status: 404,
    title: {
      en: "There is no credential {credentialId} here.",
      ru: "Документ {credentialId} не найден.",
      kk: "{credentialId} құжаты табылмады.",
    },
  },
  CREDENTIAL_STATUS_CONFLICT: {
    status: 409,
    title: {
      en: "The credential is {status}; it cannot be {action}.",
      ru: "Документ в статусе «{status}»; действие «{action}» невозможно.",
      kk: "Құжат «{status}» мәртебесінде; «{action}» әрекеті мүмкін емес.",
    },
  },
  FILE_ENCODING_INVALID: {
    status: 400,
    title: {
      en: "The file is not UTF-8 text (byte {offset}); save it as CSV UTF-8 and upload it again.",
      ru: "Файл не в кодировке UTF-8 (байт {offset}); сохраните его как «CSV UTF-8» и загрузите снова.",
      kk: "Файл UTF-8 кодтауында емес ({offset}-байт); оны «CSV UTF-8» ретінде сақтап, қайта жүктеңіз.",
    },
  },
  FILE_MALFORMED: {
    status: 400,
    title: {
      en: "The file could not be read: {reason}",
      ru: "Файл не удалось прочитать: {reason}",
      kk: "Файлды оқу мүмкін болмады: {reason}",
    },
  },
  FILE_COLUMNS_MISSING: {
    status: 400,
    title: {
      en: "The file lacks the column(s) {columns}; the first line must name: full_name, iin, result, session, held_on (and optionally email, holder_did).",
      ru: "В файле нет столбцов {columns}; первая строка должна содержать: full_name, iin, result, session, held_on (и по желанию email, holder_did).",
      kk: "Файлда {columns} бағандары жоқ; бірінші жолда мыналар болуы керек: full_name, iin, result, session, held_on (қажет болса email, holder_did).",
    },
  },
  FILE_EMPTY: {
    status: 400,
    title: {
      en: "The file holds no rows to award.",
      ru: "В файле нет строк для присвоения.",
      kk: "Файлда беруге арналған жолдар жоқ.",
    },
  },
  FILE_TOO_MANY_ROWS: {
    status: 413,
    title: {
      en: "The file has {rows} rows; one batch takes at most {max}. Split it into several files.",
      ru: "В файле {rows} строк; в одном пакете не более {max}. Разделите его на несколько файлов.",
      kk: "Файлда {rows} жол бар; бір топтамаға ең көбі {max}. Оны бірнеше файлға бөліңіз.",
    },
  },
  FILE_DUPLICATE_ROWS: {
    status: 422,
    title: {
      en: "The same learner appears more than once in one session (rows {rows}); keep one row per learner and session.",
      ru: "Один и тот же обучающийся встречается несколько раз в одной сессии (строки {rows}); оставьте одну строку на обучающегося и сессию.",
      kk: "Бір білім алушы бір сессияда бірнеше рет кездеседі ({rows} жолдар); әр білім алушы мен сессияға бір жол қалдырыңыз.",
    },
  },
  BATCH_NOT_FOUND: {
    status: 404,
    title: {
      en: "There is no award batch {batchId} here.",
      ru: "Пакет присвоения {batchId} не найден.",
      kk: "{batchId} беру топтамасы табылмады.",
    },
  },
  NOT_A_CREDENTIAL: {
    status: 400,
    title: {
      en: "The body does not hold a verifiable credential in a format this service reads (vc+jwt, JWT VC, enveloped, Data Integrity).",
      ru: "В теле запроса нет верифицируемого документа в поддерживаемом формате (vc+jwt, JWT VC, enveloped, Data Integrity).",
      kk: "Сұрау денесінде қолдау көрсетілетін форматтағы тексерілетін құжат жоқ (vc+jwt, JWT VC, enveloped, Data Integrity).",
    },
  },
  ISSUER_NOT_THIS_INSTITUTION: {
    status: 422,
    title: {
      en: "The credential names issuer {issuer}; this institution issues as {did}.",
      ru: "В документе указан издатель {issuer}; эта организация выдаёт документы как {did}.",
      kk: "Құжатта беруші ретінде {issuer} көрсетілген; бұл ұйым құжаттарды {did} ретінде береді.",
    },
  },
  CREDENTIAL_NOT_SIGNABLE: {
    status: 422,
    title: {
      en: "The credential cannot be signed as Data Integrity: {reason}. Every property must be defined by one of its @contexts.",
      ru: "Документ нельзя подписать как Data Integrity: {reason}. Каждое свойство должно быть определено в одном из его @context.",
      kk: "Құжатқа Data Integrity ретінде қол қою мүмкін емес: {reason}. Әр қасиет оның @context-терінің бірінде анықталуы керек.",
    },
  },
  NOT_A_PRESENTATION: {
    status: 400,
    title: {
      en: "The body does not hold a verifiable presentation in a format this service reads (JWT VP, vp+jwt, Data Integrity).",
      ru: "В теле запроса нет верифицируемой презентации в поддерживаемом формате (JWT VP, vp+jwt, Data Integrity).",
      kk: "Сұрау денесінде қолдау көрсетілетін форматтағы тексерілетін презентация жоқ (JWT VP, vp+jwt, Data Integrity).",
    },
  },
  RATE_LIMITED: {
    status: 429,
    title: {
      en: "Too many requests; try again in {retryAfter} s.",
      ru: "Слишком много запросов; повторите через {retryAfter} с.",
      kk: "Сұраулар тым көп; {retryAfter} с кейін қайталаңыз.",
    },
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    title: {
      en: "The database is not reachable right now; try again shortly.",
      ru: "База данных сейчас недоступна; повторите чуть позже.",
      kk: "Дерекқор қазір қолжетімсіз; сәлден соң қайталаңыз.",
    },
  },
  INTERNAL: {
    status: 500,
    title: {
      en: "Something went wrong on our side; it has been logged as {requestId}.",
      ru: "На нашей стороне произошла ошибка; она записана в журнал как {requestId}.",
      kk: "Біз жақта қате орын алды; ол журналға {requestId} ретінде жазылды.",
    },
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;
export type ErrorParams = Readonly<Record<string, string | number>>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  /** Extra machine-readable detail returned to the client (for example per-field problems). */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ErrorCode, params: ErrorParams = {}, options: { details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(renderMessage(code, params, "en"), { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.params = params;
    this.details = options.details;
  }

  get status(): number {
    return ERRORS[this.code].status;
  }

  localized(lang: Lang): string {
    return renderMessage(this.code, this.params, lang);
  }
}

export function renderMessage(code: ErrorCode, params: ErrorParams, lang: Lang): string {
  const template: string = ERRORS[code].title[lang];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];
export const errorCatalogue: Readonly<Record<ErrorCode, ErrorSpec>> = ERRORS;
