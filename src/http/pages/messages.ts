// Texts of the public pages in Kazakh, Russian and English. A unit test checks every key has all three.
import type { Lang } from "../../errors.js";

type Text = Readonly<Record<Lang, string>>;

export const PAGE_TEXT = {
  pageTitle: { kk: "Құжатты тексеру", ru: "Проверка документа", en: "Credential check" },
  languageName: { kk: "Қазақша", ru: "Русский", en: "English" },
  walletTitle: { kk: "Менің куәлігім", ru: "Мой документ", en: "My credential" },
  walletAdd: { kk: "Әмиянға қосу", ru: "Добавить в кошелёк", en: "Add to wallet" },
  walletAddHelp: {
    kk: "Батырманы басыңыз, содан кейін QR кодты OpenID4VCI қолдайтын әмиянмен сканерлеп, PIN кодты енгізіңіз.",
    ru: "Нажмите кнопку, затем отсканируйте QR-код кошельком с поддержкой OpenID4VCI и введите PIN-код.",
    en: "Press the button, then scan the QR code with any OpenID4VCI wallet and type the PIN.",
  },
  walletScan: {
    kk: "Бұл QR кодты әмиянмен сканерлеңіз. Код бір рет жарамды, 7 күн ішінде.",
    ru: "Отсканируйте этот QR-код кошельком. Код одноразовый, действует 7 дней.",
    en: "Scan this QR code with your wallet. It works once, within 7 days.",
  },
  walletPin: {
    kk: "PIN код (әмиян сұрағанда енгізіңіз)",
    ru: "PIN-код (введите, когда кошелёк попросит)",
    en: "PIN (type it when the wallet asks)",
  },
  walletPinWarning: {
    kk: "PIN кодты ешкімге айтпаңыз: ол тек сізге көрсетіледі және қайта көрсетілмейді.",
    ru: "Никому не сообщайте PIN-код: он показан только вам и больше не появится.",
    en: "Do not share the PIN: it is shown to you only, and only once.",
  },
  walletOpenLink: { kk: "Әмиянды осы құрылғыда ашу", ru: "Открыть кошелёк на этом устройстве", en: "Open the wallet on this device" },
  walletRevoked: {
    kk: "Бұл құжат кері қайтарылған: оны әмиянға қосу мүмкін емес.",
    ru: "Документ отозван: добавить его в кошелёк нельзя.",
    en: "This credential was revoked: it cannot be added to a wallet.",
  },
  requestTitle: { kk: "Құжатты сұрау", ru: "Запросить документ", en: "Request a credential" },
  requestHelp: {
    kk: "Түлек бұл QR кодты әмиянымен сканерлеп, микробіліктілік құжатын бөліседі. Нәтиже осы бетте пайда болады.",
    ru: "Выпускник сканирует этот QR-код своим кошельком и делится документом о микроквалификации. Результат появится на этой странице.",
    en: "The graduate scans this QR code with their wallet and shares their micro-qualification. The result appears on this page.",
  },
  requestWaiting: { kk: "Жауап күтілуде…", ru: "Ожидаем ответ…", en: "Waiting for the wallet…" },
  requestVerified: {
    kk: "Ұсынылған құжат тексерілді және жарамды",
    ru: "Предъявленный документ проверен и действителен",
    en: "The presented credential is verified and valid",
  },
  requestRejected: {
    kk: "Ұсынылған құжат тексеруден өтпеді",
    ru: "Предъявленный документ не прошёл проверку",
    en: "The presented credential failed verification",
  },
  requestExpired: {
    kk: "Сұраудың мерзімі өтті; жаңасын бастаңыз",
    ru: "Срок запроса истёк; начните новый",
    en: "The request expired; start a new one",
  },
  requestNew: { kk: "Жаңа сұрау", ru: "Новый запрос", en: "New request" },
  holder: { kk: "Ұсынған", ru: "Предъявил", en: "Presented by" },
  consoleTitle: { kk: "Kualik басқару панелі", ru: "Панель управления Kualik", en: "Kualik console" },
  signInTitle: { kk: "Жүйеге кіру", ru: "Вход", en: "Sign in" },
  email: { kk: "Электрондық пошта", ru: "Электронная почта", en: "E-mail" },
  password: { kk: "Құпиясөз", ru: "Пароль", en: "Password" },
  signIn: { kk: "Кіру", ru: "Войти", en: "Sign in" },
  signOut: { kk: "Шығу", ru: "Выйти", en: "Sign out" },
  signInHelp: {
    kk: "Әкімші берген электрондық пошта мен құпиясөзді енгізіңіз. Құпиясөзді ұмытсаңыз, әкімшіге хабарласыңыз.",
    ru: "Введите e-mail и пароль, выданные администратором. Если забыли пароль, обратитесь к администратору.",
    en: "Type the e-mail and password your administrator gave you. If you forgot the password, ask your administrator.",
  },
  welcome: { kk: "Қош келдіңіз", ru: "Добро пожаловать", en: "Welcome" },
  yourRoles: { kk: "Сіздің рөлдеріңіз", ru: "Ваши роли", en: "Your roles" },
  noRoles: {
    kk: "Сізге әлі ешбір ұйымда рөл берілмеген.",
    ru: "Вам пока не назначены роли ни в одной организации.",
    en: "You have no role in any institution yet.",
  },
  platformAdmin: { kk: "Платформа әкімшісі", ru: "Администратор платформы", en: "Platform administrator" },
  role_registrar: { kk: "Тіркеуші", ru: "Регистратор", en: "Registrar" },
  role_commission_secretary: { kk: "Комиссия хатшысы", ru: "Секретарь комиссии", en: "Commission secretary" },
  role_commission_member: { kk: "Комиссия мүшесі", ru: "Член комиссии", en: "Commission member" },
  role_expert: { kk: "Сарапшы", ru: "Эксперт", en: "Expert" },
  role_viewer: { kk: "Қарап шығушы", ru: "Наблюдатель", en: "Viewer" },
  tools: { kk: "Құралдар", ru: "Инструменты", en: "Tools" },
  toolVerify: { kk: "Құжатты тексеру", ru: "Проверить документ", en: "Verify a credential" },
  toolRequest: { kk: "Әмияннан құжат сұрау", ru: "Запросить документ из кошелька", en: "Request a credential from a wallet" },
  toolApi: { kk: "API сипаттамасы (OpenAPI)", ru: "Описание API (OpenAPI)", en: "API reference (OpenAPI)" },
  verdict_valid: { kk: "Құжат жарамды", ru: "Документ действителен", en: "This credential is valid" },
  verdict_revoked: {
    kk: "Құжатты беруші кері қайтарып алды",
    ru: "Документ отозван выдавшей организацией",
    en: "The issuer has revoked this credential",
  },
  verdict_suspended: {
    kk: "Құжаттың күші уақытша тоқтатылған",
    ru: "Действие документа приостановлено",
    en: "This credential is suspended",
  },
  verdict_expired: { kk: "Құжаттың мерзімі өтіп кеткен", ru: "Срок действия документа истёк", en: "This credential has expired" },
  verdict_not_yet_valid: { kk: "Құжат әлі күшіне енбеген", ru: "Документ ещё не вступил в силу", en: "This credential is not valid yet" },
  verdict_tampered: {
    kk: "Құжат өзгертілген немесе жалған",
    ru: "Документ изменён или подделан",
    en: "This credential was altered or forged",
  },
  verdict_untrusted_issuer: {
    kk: "Беруші ұйымға ешкім кепілдік бермейді",
    ru: "За выдавшую организацию никто не ручается",
    en: "Nobody vouches for the issuer",
  },
  verdict_invalid: { kk: "Құжатты тексеру мүмкін емес", ru: "Документ невозможно проверить", en: "This credential cannot be checked" },
  issuedBy: { kk: "Берген ұйым", ru: "Выдан организацией", en: "Issued by" },
  issuedTo: { kk: "Кімге берілді", ru: "Кому выдан", en: "Issued to" },
  qualification: { kk: "Микробіліктілік", ru: "Микроквалификация", en: "Micro-qualification" },
  grade: { kk: "Баға", ru: "Оценка", en: "Grade" },
  decision: { kk: "Тану туралы шешім", ru: "Решение о признании", en: "Recognition decision" },
  recognised: { kk: "Қайта есептелген пәндер", ru: "Перезачтённые дисциплины", en: "Re-credited disciplines" },
  protocolBasis: { kk: "Негіз: комиссия хаттамасы", ru: "Основание: протокол комиссии", en: "Basis: commission protocol" },
  hoursShort: { kk: "сағ.", ru: "ч.", en: "h" },
  creditsShort: { kk: "кр.", ru: "кр.", en: "cr." },
  credits: { kk: "Кредиттер", ru: "Кредиты", en: "Credits" },
  issuedOn: { kk: "Берілген күні", ru: "Дата выдачи", en: "Issued on" },
  validUntil: { kk: "Жарамдылық мерзімі", ru: "Действителен до", en: "Valid until" },
  noEnd: { kk: "мерзімсіз", ru: "бессрочно", en: "no end date" },
  checksTitle: { kk: "Не тексерілді", ru: "Что проверено", en: "What was checked" },
  downloadPdf: { kk: "Куәлікті жүктеу (PDF)", ru: "Скачать свидетельство (PDF)", en: "Download the certificate (PDF)" },
  machineReadable: { kk: "Машинаға арналған нұсқа", ru: "Машиночитаемая версия", en: "Machine-readable version" },
  checkedAt: { kk: "Тексерілген уақыты", ru: "Время проверки", en: "Checked at" },
  notFound: { kk: "Мұндай құжат табылмады", ru: "Такой документ не найден", en: "No such credential" },
  pasteTitle: { kk: "Құжатты тексеру: мәтінін қойыңыз", ru: "Проверка документа: вставьте текст", en: "Check a credential: paste it" },
  pasteHelp: {
    kk: "Құжатты (JWT немесе JSON) төмендегі жолға қойыңыз немесе файлын таңдап, «Тексеру» батырмасын басыңыз. Ештеңе сақталмайды.",
    ru: "Вставьте документ (JWT или JSON) в поле ниже или выберите файл и нажмите «Проверить». Ничего не сохраняется.",
    en: "Paste the credential (JWT or JSON) below, or choose its file, and press Check. Nothing is stored.",
  },
  pasteLabel: { kk: "Құжат мәтіні", ru: "Текст документа", en: "Credential text" },
  pasteButton: { kk: "Тексеру", ru: "Проверить", en: "Check" },
  uploadLabel: {
    kk: "немесе файлды таңдаңыз (JSON немесе JWT)",
    ru: "или выберите файл (JSON или JWT)",
    en: "or choose a file (JSON or JWT)",
  },
  pasteNotCredential: {
    kk: "Бұл мәтін тексерілетін құжат емес (JWT немесе JSON күтілген).",
    ru: "Этот текст не является проверяемым документом (ожидался JWT или JSON).",
    en: "This text is not a verifiable credential (a JWT or JSON was expected).",
  },
  // One plain line per check result, by the check's code.
  check_format: { kk: "Құжат пішімі танылды", ru: "Формат документа распознан", en: "The document's format was recognised" },
  check_contexts_known: {
    kk: "Құжаттың құрылымы белгілі стандарттарға сай",
    ru: "Структура документа соответствует известным стандартам",
    en: "The document follows known standards",
  },
  check_issuer_resolved: {
    kk: "Беруші ұйымның кілттері табылды",
    ru: "Ключи выдавшей организации найдены",
    en: "The issuer's keys were found",
  },
  check_signature_valid: {
    kk: "Қолтаңба дұрыс: құжат қол қойылғаннан кейін өзгертілмеген",
    ru: "Подпись верна: документ не изменялся после подписания",
    en: "The signature is valid: nothing changed since signing",
  },
  check_signature_mismatch: {
    kk: "Қолтаңба мазмұнға сәйкес емес",
    ru: "Подпись не соответствует содержанию",
    en: "The signature does not match the content",
  },
  check_within_validity: {
    kk: "Құжат жарамдылық мерзімі ішінде",
    ru: "Документ в пределах срока действия",
    en: "Within its validity period",
  },
  check_expired: { kk: "Жарамдылық мерзімі өткен", ru: "Срок действия истёк", en: "The validity period has ended" },
  check_not_revoked: {
    kk: "Кері қайтарылмаған және тоқтатылмаған",
    ru: "Не отозван и не приостановлен",
    en: "Neither revoked nor suspended",
  },
  check_revoked: { kk: "Беруші ұйым кері қайтарып алған", ru: "Отозван выдавшей организацией", en: "Revoked by the issuer" },
  check_suspended: { kk: "Күші уақытша тоқтатылған", ru: "Действие приостановлено", en: "Suspended by the issuer" },
  check_schema_valid: {
    kk: "Құжат жарияланған үлгіге сай",
    ru: "Документ соответствует опубликованной схеме",
    en: "Matches its published schema",
  },
  check_trusted: {
    kk: "Беруші ұйым аккредиттелген тізімде бар",
    ru: "Выдавшая организация есть в реестре доверенных",
    en: "The issuer is in the trusted registry",
  },
  check_unknown: {
    kk: "Беруші ұйым сенімді тізімде жоқ",
    ru: "Выдавшей организации нет в реестре доверенных",
    en: "The issuer is not in the trusted registry",
  },
  check_other: { kk: "Тексеру нәтижесі", ru: "Результат проверки", en: "Check result" },
} as const satisfies Record<string, Text>;

export type PageTextKey = keyof typeof PAGE_TEXT;

export function t(key: PageTextKey, lang: Lang): string {
  return PAGE_TEXT[key][lang];
}

/** The plain line for a check, by its code; the check's own English reason when there is no line for it. */
export function checkLine(code: string, fallback: string, lang: Lang): string {
  const key = `check_${code}` as PageTextKey;
  if (key in PAGE_TEXT) return t(key, lang);
  return lang === "en" ? fallback : `${t("check_other", lang)}: ${fallback}`;
}
