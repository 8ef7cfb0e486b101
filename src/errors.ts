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
  // ---- recognition (R, M п.19–26) ----
  ACADEMIC_PERIOD_CODE_TAKEN: {
    status: 409,
    title: {
      en: "The institution already has an academic period '{code}'.",
      ru: "В организации уже есть академический период «{code}».",
      kk: "Ұйымда «{code}» академиялық кезеңі бұрыннан бар.",
    },
  },
  ACADEMIC_PERIOD_NOT_FOUND: {
    status: 404,
    title: {
      en: "There is no academic period '{code}' in this institution.",
      ru: "Академический период «{code}» в этой организации не найден.",
      kk: "Бұл ұйымда «{code}» академиялық кезеңі жоқ.",
    },
  },
  ACADEMIC_PERIOD_INVALID: {
    status: 422,
    title: {
      en: "The academic period ends ({endsOn}) before it starts ({startsOn}).",
      ru: "Академический период заканчивается ({endsOn}) раньше, чем начинается ({startsOn}).",
      kk: "Академиялық кезең басталмай ({startsOn}) тұрып аяқталады ({endsOn}).",
    },
  },
  CURRICULUM_CODE_TAKEN: {
    status: 409,
    title: {
      en: "The institution already has an educational programme '{code}'.",
      ru: "В организации уже есть образовательная программа «{code}».",
      kk: "Ұйымда «{code}» білім беру бағдарламасы бұрыннан бар.",
    },
  },
  CURRICULUM_NOT_FOUND: {
    status: 404,
    title: {
      en: "There is no educational programme '{code}' in this institution.",
      ru: "Образовательная программа «{code}» в этой организации не найдена.",
      kk: "Бұл ұйымда «{code}» білім беру бағдарламасы жоқ.",
    },
  },
  CURRICULUM_INVALID: {
    status: 422,
    title: {
      en: "The educational programme breaks {count} rule(s): {summary}",
      ru: "Образовательная программа нарушает правила ({count}): {summary}",
      kk: "Білім беру бағдарламасы {count} ережені бұзады: {summary}",
    },
  },
  CALENDAR_YEAR_MISSING: {
    status: 422,
    title: {
      en: "The working-day calendar has no data for {year}; an administrator must load that year's holidays and moved days off.",
      ru: "В производственном календаре нет данных за {year} год; администратор должен загрузить праздники и переносы этого года.",
      kk: "Өндірістік күнтізбеде {year} жылдың деректері жоқ; әкімші сол жылдың мерекелері мен ауыстырылған демалыс күндерін жүктеуі керек.",
    },
  },
  GRADE_SCALE_INVALID: {
    status: 422,
    title: {
      en: "The conversion scale is not complete or not consistent (R п.8): {summary}",
      ru: "Шкала перевода неполна или противоречива (R п.8): {summary}",
      kk: "Ауыстыру шкаласы толық емес немесе қайшы (R п.8): {summary}",
    },
  },
  GRADE_SCALE_NOT_FOUND: {
    status: 404,
    title: {
      en: "There is no conversion scale '{code}' for this institution.",
      ru: "Шкала перевода «{code}» для этой организации не найдена.",
      kk: "Бұл ұйым үшін «{code}» ауыстыру шкаласы жоқ.",
    },
  },
  COMMISSION_INVALID: {
    status: 422,
    title: {
      en: "The commission cannot be formed this way: {summary}",
      ru: "Комиссию нельзя сформировать так: {summary}",
      kk: "Комиссияны осылай құруға болмайды: {summary}",
    },
  },
  COMMISSION_NOT_FOUND: {
    status: 404,
    title: {
      en: "There is no commission '{commissionId}' in this institution.",
      ru: "Комиссия «{commissionId}» в этой организации не найдена.",
      kk: "Бұл ұйымда «{commissionId}» комиссиясы жоқ.",
    },
  },
  COMMISSION_KIND_MISMATCH: {
    status: 422,
    title: {
      en: "A procedure {procedure} application goes to the {expected} commission ({rule}), not to a {kind} one.",
      ru: "Заявление по процедуре {procedure} рассматривает комиссия вида {expected} ({rule}), а не {kind}.",
      kk: "{procedure} рәсімі бойынша өтінішті {expected} түріндегі комиссия қарайды ({rule}), {kind} емес.",
    },
  },
  CHAIR_NOT_ELECTED: {
    status: 409,
    title: {
      en: "The commission has not elected its chair yet: the chair and deputy are elected at the first meeting (R п.12, 23).",
      ru: "Комиссия ещё не избрала председателя: председатель и заместитель избираются на первом заседании (R п.12, 23).",
      kk: "Комиссия әлі төрағасын сайламаған: төраға мен орынбасар бірінші отырыста сайланады (R п.12, 23).",
    },
  },
  ELECTION_INVALID: {
    status: 422,
    title: {
      en: "The election cannot be recorded: {summary}",
      ru: "Выборы нельзя зафиксировать: {summary}",
      kk: "Сайлауды тіркеу мүмкін емес: {summary}",
    },
  },
  EXPERT_GROUP_NOT_FOUND: {
    status: 404,
    title: {
      en: "There is no expert group '{groupId}' in this institution.",
      ru: "Экспертная группа «{groupId}» в этой организации не найдена.",
      kk: "Бұл ұйымда «{groupId}» сараптама тобы жоқ.",
    },
  },
  EXPERT_GROUP_INVALID: {
    status: 422,
    title: {
      en: "The expert group cannot be formed this way: {summary}",
      ru: "Экспертную группу нельзя сформировать так: {summary}",
      kk: "Сараптама тобын осылай құруға болмайды: {summary}",
    },
  },
  PERSONAL_TOKEN_REQUIRED: {
    status: 403,
    title: {
      en: "This is done in person (a vote, a conclusion): use a personal token issued to the user.",
      ru: "Это действие выполняется лично (голос, заключение): используйте персональный токен пользователя.",
      kk: "Бұл әрекет жеке орындалады (дауыс, қорытынды): пайдаланушыға берілген жеке токенді қолданыңыз.",
    },
  },
  LEARNER_NOT_ENROLLED: {
    status: 422,
    title: {
      en: "The learner is not enrolled in educational programme '{curriculum}'; re-crediting targets the learner's own programme (R п.18).",
      ru: "Обучающийся не зачислен на образовательную программу «{curriculum}»; перезачёт возможен только по его программе (R п.18).",
      kk: "Білім алушы «{curriculum}» білім беру бағдарламасына қабылданбаған; қайта есепке алу тек өз бағдарламасы бойынша жүргізіледі (R п.18).",
    },
  },
  DISCIPLINE_NOT_IN_PROGRAMME: {
    status: 422,
    title: {
      en: "Discipline '{code}' is not in the learner's educational programme '{curriculum}' (R п.18).",
      ru: "Дисциплины «{code}» нет в образовательной программе обучающегося «{curriculum}» (R п.18).",
      kk: "«{code}» пәні білім алушының «{curriculum}» білім беру бағдарламасында жоқ (R п.18).",
    },
  },
  APPLICATION_LATE: {
    status: 422,
    title: {
      en: "The application is late: {rule} requires it by {latestSubmission} for the period starting {periodStart}, and it was received on {receivedOn}.",
      ru: "Заявление подано поздно: по {rule} его нужно подать не позднее {latestSubmission} для периода, начинающегося {periodStart}, а оно получено {receivedOn}.",
      kk: "Өтініш кеш берілді: {rule} бойынша {periodStart} басталатын кезең үшін ол {latestSubmission} дейін берілуі тиіс, ал {receivedOn} түсті.",
    },
  },
  APPLICATION_DOCUMENTS_MISSING: {
    status: 422,
    title: {
      en: "Required documents are missing: {summary}",
      ru: "Не хватает обязательных документов: {summary}",
      kk: "Міндетті құжаттар жетіспейді: {summary}",
    },
  },
  APPLICATION_NOT_FOUND: {
    status: 404,
    title: {
      en: "There is no recognition application '{applicationId}' in this institution.",
      ru: "Заявление о признании «{applicationId}» в этой организации не найдено.",
      kk: "Бұл ұйымда «{applicationId}» тану туралы өтініші жоқ.",
    },
  },
  APPLICATION_STAGE_CONFLICT: {
    status: 409,
    title: {
      en: "The application is at stage '{stage}', where '{action}' cannot be done.",
      ru: "Заявление на этапе «{stage}», где действие «{action}» невозможно.",
      kk: "Өтініш «{stage}» кезеңінде, онда «{action}» әрекеті мүмкін емес.",
    },
  },
  APPLICATION_VERSION_CONFLICT: {
    status: 409,
    title: {
      en: "Someone changed the application meanwhile; reload it and try again.",
      ru: "Заявление тем временем изменили; обновите его и повторите.",
      kk: "Осы уақытта өтінішті біреу өзгертті; қайта жүктеп, қайталаңыз.",
    },
  },
  APPLICATION_ALREADY_ON_AGENDA: {
    status: 409,
    title: {
      en: "The application is already on this meeting's agenda.",
      ru: "Заявление уже включено в повестку этого заседания.",
      kk: "Өтініш осы отырыстың күн тәртібіне енгізілген.",
    },
  },
  COURSES_INVALID: {
    status: 422,
    title: {
      en: "The appendix of courses cannot be used: {summary}",
      ru: "Приложение с курсами нельзя использовать: {summary}",
      kk: "Курстар қосымшасын пайдалану мүмкін емес: {summary}",
    },
  },
  DOCUMENT_NOT_FOUND: {
    status: 404,
    title: {
      en: "There is no document '{documentId}' in this application.",
      ru: "Документа «{documentId}» в этом заявлении нет.",
      kk: "Бұл өтініште «{documentId}» құжаты жоқ.",
    },
  },
  OVERRIDE_NOT_NEEDED: {
    status: 409,
    title: {
      en: "Document '{documentId}' passed verification; there is nothing to override.",
      ru: "Документ «{documentId}» прошёл проверку; подтверждать нечего.",
      kk: "«{documentId}» құжаты тексеруден өтті; растайтын ештеңе жоқ.",
    },
  },
  BASIS_NOT_VERIFIED: {
    status: 422,
    title: {
      en: "Document '{documentId}' failed verification ({verdict}) and cannot be the basis of recognition unless the secretary explicitly accepts it with a reason (R п.10).",
      ru: "Документ «{documentId}» не прошёл проверку ({verdict}) и не может быть основанием признания без явного решения секретаря с причиной (R п.10).",
      kk: "«{documentId}» құжаты тексеруден өтпеді ({verdict}) және хатшының себебі көрсетілген нақты шешімінсіз тану негізі бола алмайды (R п.10).",
    },
  },
  EXPERT_CONCLUSION_INCOMPLETE: {
    status: 422,
    title: {
      en: "The expert conclusion is incomplete (R п.16, 27): {summary}",
      ru: "Экспертное заключение неполное (R п.16, 27): {summary}",
      kk: "Сараптама қорытындысы толық емес (R п.16, 27): {summary}",
    },
  },
  NOT_IN_EXPERT_GROUP: {
    status: 403,
    title: {
      en: "Only a member of the expert group the application was sent to can conclude on it (R п.15, 26).",
      ru: "Заключение по заявлению даёт только член экспертной группы, которой оно направлено (R п.15, 26).",
      kk: "Өтініш бойынша қорытындыны тек ол жіберілген сараптама тобының мүшесі береді (R п.15, 26).",
    },
  },
  MEETING_NOT_FOUND: {
    status: 404,
    title: {
      en: "There is no meeting '{meetingId}' of this commission.",
      ru: "Заседание «{meetingId}» этой комиссии не найдено.",
      kk: "Бұл комиссияның «{meetingId}» отырысы жоқ.",
    },
  },
  MEETING_CLOSED: {
    status: 409,
    title: {
      en: "The meeting is closed: its protocol No. {protocolNumber} is final.",
      ru: "Заседание закрыто: его протокол № {protocolNumber} окончателен.",
      kk: "Отырыс жабылды: оның № {protocolNumber} хаттамасы түпкілікті.",
    },
  },
  MEETING_INVALID: {
    status: 422,
    title: {
      en: "The meeting cannot be recorded this way: {summary}",
      ru: "Заседание нельзя оформить так: {summary}",
      kk: "Отырысты осылай рәсімдеуге болмайды: {summary}",
    },
  },
  AGENDA_ITEM_NOT_FOUND: {
    status: 404,
    title: {
      en: "Application '{applicationId}' is not on this meeting's agenda.",
      ru: "Заявления «{applicationId}» нет в повестке этого заседания.",
      kk: "«{applicationId}» өтініші осы отырыстың күн тәртібінде жоқ.",
    },
  },
  MOTION_INVALID: {
    status: 422,
    title: {
      en: "The draft decision cannot be put to the vote: {summary}",
      ru: "Проект решения нельзя ставить на голосование: {summary}",
      kk: "Шешім жобасын дауысқа қоюға болмайды: {summary}",
    },
  },
  NO_MOTION: {
    status: 409,
    title: {
      en: "No draft decision has been put to the vote for this application yet.",
      ru: "По этому заявлению ещё не поставлен на голосование проект решения.",
      kk: "Бұл өтініш бойынша шешім жобасы әлі дауысқа қойылмаған.",
    },
  },
  VOTE_REFUSED: {
    status: 422,
    title: {
      en: "The vote is not accepted ({rule}): {summary}",
      ru: "Голос не принят ({rule}): {summary}",
      kk: "Дауыс қабылданбады ({rule}): {summary}",
    },
  },
  VOTE_ALREADY_CAST: {
    status: 409,
    title: {
      en: "This member has already voted on the draft decision.",
      ru: "Этот член комиссии уже проголосовал по проекту решения.",
      kk: "Комиссияның бұл мүшесі шешім жобасы бойынша дауыс беріп қойған.",
    },
  },
  NO_QUORUM: {
    status: 422,
    title: {
      en: "There is no quorum: {present} of {members} members present, {required} needed.",
      ru: "Нет кворума: присутствуют {present} из {members} членов, нужно {required}.",
      kk: "Кворум жоқ: {members} мүшенің {present} қатысады, {required} қажет.",
    },
  },
  NO_MAJORITY: {
    status: 422,
    title: {
      en: "The draft decision has no majority of the members taking part (R п.17, 28): {for} for, {against} against, {abstain} abstained of {participating}.",
      ru: "Проект решения не набрал большинства участвующих членов (R п.17, 28): за {for}, против {against}, воздержались {abstain} из {participating}.",
      kk: "Шешім жобасы қатысушы мүшелердің көпшілік дауысын алмады (R п.17, 28): {participating} мүшенің {for} — жақтап, {against} — қарсы, {abstain} — қалыс қалды.",
    },
  },
  VOTING_INCOMPLETE: {
    status: 409,
    title: {
      en: "Not every member present has voted yet: {summary}",
      ru: "Ещё не все присутствующие члены проголосовали: {summary}",
      kk: "Қатысушы мүшелердің бәрі әлі дауыс бермеді: {summary}",
    },
  },
  ITEMS_UNDECIDED: {
    status: 409,
    title: {
      en: "The meeting still has undecided applications: {summary}",
      ru: "На заседании остались нерешённые заявления: {summary}",
      kk: "Отырыста шешілмеген өтініштер қалды: {summary}",
    },
  },
  TRANSCRIPT_ENTRY_EXISTS: {
    status: 409,
    title: {
      en: "Discipline '{code}' is already in the learner's transcript.",
      ru: "Дисциплина «{code}» уже есть в транскрипте обучающегося.",
      kk: "«{code}» пәні білім алушының транскриптінде бұрыннан бар.",
    },
  },
  DECISION_NOT_RECOGNISED: {
    status: 409,
    title: {
      en: "The commission did not recognise anything in this application: there is no transcript entry or decision credential to make.",
      ru: "Комиссия ничего не признала по этому заявлению: записи в транскрипт и credential решения не будет.",
      kk: "Комиссия бұл өтініш бойынша ештеңе танымады: транскриптке жазба да, шешім куәлігі де болмайды.",
    },
  },
  PROTOCOL_NOT_READY: {
    status: 409,
    title: {
      en: "The meeting is still open: its protocol is numbered when the meeting is closed.",
      ru: "Заседание ещё открыто: протокол получает номер при закрытии заседания.",
      kk: "Отырыс әлі ашық: хаттамаға отырыс жабылғанда нөмір беріледі.",
    },
  },
  // ---- wallets (OpenID4VCI / OpenID4VP) ----
  CREDENTIAL_NOT_OFFERABLE: {
    status: 409,
    title: {
      en: "Credential '{credentialId}' is {status}: it cannot be sent to a wallet.",
      ru: "Credential «{credentialId}» в статусе {status}: его нельзя передать в кошелёк.",
      kk: "«{credentialId}» куәлігінің күйі — {status}: оны әмиянға жіберуге болмайды.",
    },
  },
  OFFER_NOT_FOUND: {
    status: 404,
    title: {
      en: "There is no open credential offer '{offerId}': it was used, has expired or never existed.",
      ru: "Открытого предложения «{offerId}» нет: оно использовано, истекло или не существовало.",
      kk: "«{offerId}» ашық ұсынысы жоқ: ол пайдаланылған, мерзімі өткен немесе болмаған.",
    },
  },
  DCQL_QUERY_INVALID: {
    status: 400,
    title: {
      en: "The query is not a valid DCQL query: {reason}",
      ru: "Запрос не является корректным запросом DCQL: {reason}",
      kk: "Сұрау дұрыс DCQL сұрауы емес: {reason}",
    },
  },
  PRESENTATION_REQUEST_NOT_FOUND: {
    status: 404,
    title: {
      en: "There is no presentation request '{requestId}'.",
      ru: "Запроса на предъявление «{requestId}» нет.",
      kk: "«{requestId}» ұсыну сұрауы жоқ.",
    },
  },
  // ---- the staff console ----
  SIGN_IN_FAILED: {
    status: 401,
    title: {
      en: "Wrong e-mail or password.",
      ru: "Неверный e-mail или пароль.",
      kk: "E-mail немесе құпиясөз қате.",
    },
  },
  ACCOUNT_LOCKED: {
    status: 423,
    title: {
      en: "Too many wrong passwords: the account is locked until {until}. An administrator can reset the password.",
      ru: "Слишком много неверных паролей: учётная запись заблокирована до {until}. Администратор может сбросить пароль.",
      kk: "Құпиясөз тым көп рет қате терілді: есептік жазба {until} дейін бұғатталды. Әкімші құпиясөзді қалпына келтіре алады.",
    },
  },
  SESSION_EXPIRED: {
    status: 401,
    title: {
      en: "Your session has ended; sign in again.",
      ru: "Сеанс завершён; войдите снова.",
      kk: "Сеанс аяқталды; қайта кіріңіз.",
    },
  },
  CSRF_TOKEN_INVALID: {
    status: 403,
    title: {
      en: "The form is out of date or did not come from this site (CSRF token missing or wrong); reload the page and try again.",
      ru: "Форма устарела или отправлена не с этого сайта (нет или неверный CSRF-токен); обновите страницу и повторите.",
      kk: "Форма ескірген немесе бұл сайттан жіберілмеген (CSRF токені жоқ немесе қате); бетті жаңартып, қайталаңыз.",
    },
  },
  PASSWORD_TOO_SHORT: {
    status: 422,
    title: {
      en: "A password needs at least {min} characters.",
      ru: "Пароль должен содержать не менее {min} символов.",
      kk: "Құпиясөзде кемінде {min} таңба болуы керек.",
    },
  },
  SSO_NOT_CONFIGURED: {
    status: 404,
    title: {
      en: "Institution '{slug}' has no single sign-on configured.",
      ru: "Для организации «{slug}» не настроен единый вход.",
      kk: "«{slug}» ұйымы үшін бірыңғай кіру бапталмаған.",
    },
  },
  SSO_FAILED: {
    status: 401,
    title: {
      en: "Single sign-on failed: {reason}. Try again, or sign in with your password.",
      ru: "Единый вход не удался: {reason}. Повторите или войдите с паролем.",
      kk: "Бірыңғай кіру сәтсіз аяқталды: {reason}. Қайталаңыз немесе құпиясөзбен кіріңіз.",
    },
  },
  SSO_NO_ACCOUNT: {
    status: 403,
    title: {
      en: "{email} has no role in this institution on Kualik; ask your administrator to add you.",
      ru: "У {email} нет роли в этой организации в Kualik; попросите администратора добавить вас.",
      kk: "{email} үшін Kualik-те бұл ұйымда рөл жоқ; әкімшіден қосуды сұраңыз.",
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
