// The fixed wording of the recognition commission's protocol and of the extract from it, in Kazakh, Russian
// and English. Rules are cited by their paragraph; the legal basis line says which act "the Rules" and
// "the Recommendations" are.
import type { LocalizedText } from "../domain/institutions/institution.js";
import type { Verdict } from "../domain/verification/report.js";

export type DocumentLang = keyof LocalizedText;

/** A: non-formal learning (R ch.2). B: professional qualification (R ch.3). micro: credit transfer (M п.19–26). */
export type RecognitionProcedure = "A" | "B" | "micro";

type Texts = Readonly<Record<string, LocalizedText>>;

export const LABELS = {
  protocol: { kk: "ХАТТАМА №", ru: "ПРОТОКОЛ №", en: "PROTOCOL No." },
  meetingOf: { kk: "Комиссия отырысы", ru: "заседания Комиссии", en: "of the meeting of the commission" },
  extract: { kk: "ХАТТАМАДАН ҮЗІНДІ", ru: "ВЫПИСКА ИЗ ПРОТОКОЛА", en: "EXTRACT FROM THE PROTOCOL" },
  date: { kk: "Күні", ru: "Дата", en: "Date" },
  place: { kk: "Өткізілген орны", ru: "Место проведения", en: "Place" },
  commission: { kk: "Комиссия", ru: "Комиссия", en: "Commission" },
  present: { kk: "Қатысқандар", ru: "Присутствовали", en: "Present" },
  absent: { kk: "Қатыспағандар", ru: "Отсутствовали", en: "Absent" },
  nobody: { kk: "жоқ", ru: "нет", en: "none" },
  secretary: { kk: "Хатшы", ru: "Секретарь", en: "Secretary" },
  secretaryNote: {
    kk: "комиссия мүшесі емес, дауыс бермейді",
    ru: "не является членом Комиссии, в голосовании не участвует",
    en: "not a member of the commission, does not vote",
  },
  chairedBy: { kk: "Төрағалық етті", ru: "Председательствовал(а)", en: "Chaired by" },
  agenda: { kk: "КҮН ТӘРТІБІ", ru: "ПОВЕСТКА ДНЯ", en: "AGENDA" },
  agendaItem: {
    kk: "Білім алушының (тыңдаушының) өтінішін қарау",
    ru: "Рассмотрение заявления обучающегося (слушателя)",
    en: "Application of the student (listener)",
  },
  application: { kk: "Өтініш", ru: "Заявление", en: "Application" },
  applicant: { kk: "Білім алушы (тыңдаушы)", ru: "Обучающийся (слушатель)", en: "Student (listener)" },
  programme: { kk: "Білім беру бағдарламасы", ru: "Образовательная программа", en: "Educational programme" },
  group: { kk: "топ", ru: "группа", en: "group" },
  procedure: { kk: "Рәсім", ru: "Процедура", en: "Procedure" },
  documents: { kk: "Негіздеме құжаттары", ru: "Документы-основания", en: "Basis documents" },
  digitalCheck: { kk: "электрондық тексеру", ru: "электронная проверка", en: "digital check" },
  expertConclusion: { kk: "Сараптамалық қорытынды", ru: "Экспертное заключение", en: "Expert conclusion" },
  motionRecredit: {
    kk: "Ұсыныс: келесі пәндерді (модульдерді) қайта есептеу:",
    ru: "Предложение: перезачесть следующие дисциплины (модули):",
    en: "Motion: to re-credit the following disciplines (modules):",
  },
  motionRefuse: {
    kk: "Ұсыныс: қайта есептеуден бас тарту.",
    ru: "Предложение: отказать в перезачёте.",
    en: "Motion: to refuse re-crediting.",
  },
  vote: { kk: "Дауыс беру", ru: "Голосовали", en: "Vote" },
  for: { kk: "қолдады", ru: "за", en: "for" },
  against: { kk: "қарсы", ru: "против", en: "against" },
  abstain: { kk: "қалыс қалды", ru: "воздержались", en: "abstained" },
  decision: { kk: "Шешім", ru: "Решение", en: "Decision" },
  adopted: { kk: "қабылданды", ru: "принято", en: "adopted" },
  notAdopted: { kk: "қабылданбады", ru: "не принято", en: "not adopted" },
  consequenceRecredit: {
    kk: "кестеде көрсетілген пәндер (модульдер) қайта есептелсін.",
    ru: "перезачесть дисциплины (модули), указанные в таблице.",
    en: "the disciplines (modules) in the table are re-credited.",
  },
  consequenceRefuse: { kk: "қайта есептеуден бас тартылсын.", ru: "в перезачёте отказать.", en: "re-crediting is refused." },
  consequenceNone: { kk: "пәндер қайта есептелмейді.", ru: "дисциплины не перезачитываются.", en: "no disciplines are re-credited." },
  taking: { kk: "қатысқандар", ru: "участвовали", en: "taking part" },
  required: { kk: "қажет, кемінде", ru: "необходимо не менее", en: "required, at least" },
  code: { kk: "Коды", ru: "Код", en: "Code" },
  discipline: { kk: "Пәннің (модульдің) атауы", ru: "Наименование дисциплины (модуля)", en: "Discipline (module)" },
  credits: { kk: "Кредит", ru: "Кредиты", en: "Credits" },
  hours: { kk: "Сағат", ru: "Часы", en: "Hours" },
  grade: { kk: "Баға", ru: "Оценка", en: "Grade" },
  recrediting: { kk: "Қайта есептеу", ru: "Перезачёт", en: "Re-crediting" },
  recredited: { kk: "Қайта есептелді", ru: "Перезачтено", en: "Re-credited" },
  total: { kk: "Барлығы", ru: "Итого", en: "Total" },
  noneRecredited: { kk: "Пәндер қайта есептелмеді.", ru: "Дисциплины не перезачтены.", en: "No disciplines were re-credited." },
  recipient: { kk: "Кімге", ru: "Кому", en: "To" },
  registrar: { kk: "Тіркеуші офисі", ru: "Офис Регистратора", en: "Registrar's office" },
  academicOffice: { kk: "Оқу бөлімі", ru: "Учебная часть", en: "Academic office" },
  trueExtract: { kk: "Үзінді дұрыс.", ru: "Выписка верна.", en: "True extract." },
  commissionSecretary: { kk: "Комиссия хатшысы", ru: "Секретарь Комиссии", en: "Secretary of the commission" },
  chair: { kk: "Төраға", ru: "Председатель", en: "Chair" },
  deputy: { kk: "Төрағаның орынбасары", ru: "Заместитель председателя", en: "Deputy chair" },
  member: { kk: "комиссия мүшесі", ru: "член Комиссии", en: "member" },
  legalBasis: { kk: "Нормативтік негіз", ru: "Нормативная основа", en: "Legal basis" },
  rules: {
    kk: "Қағидалар — Бейресми білім беру арқылы алынған оқыту нәтижелерін, сондай-ақ кәсіптік біліктілікті тану нәтижелерін тану қағидалары (ҚР Ғылым және жоғары білім министрінің 2023 жылғы 24 қазандағы № 544 және ҚР Оқу-ағарту министрінің 2023 жылғы 24 қазандағы № 322 бірлескен бұйрығы)",
    ru: "Правила — Правила признания результатов обучения, полученных через неформальное образование, а также результатов признания профессиональной квалификации (совместный приказ Министра науки и высшего образования РК от 24.10.2023 № 544 и Министра просвещения РК от 24.10.2023 № 322)",
    en: "Rules — Rules for recognising learning outcomes obtained through non-formal education and the results of recognition of a professional qualification (joint order of the Minister of Science and Higher Education No. 544 and the Minister of Education No. 322 of 24.10.2023)",
  },
  recommendations: {
    kk: "Ұсынымдар — Микробіліктілік бағдарламаларын әзірлеу, іске асыру және тану жөніндегі әдістемелік ұсынымдар (ҚР Ғылым және жоғары білім министрінің 2025 жылғы 23 маусымдағы № 319 бұйрығы)",
    ru: "Рекомендации — Методические рекомендации по разработке, реализации и признанию программ микроквалификаций (приказ Министра науки и высшего образования РК от 23.06.2025 № 319)",
    en: "Recommendations — Methodological recommendations on developing, delivering and recognising micro-qualification programmes (order of the Minister of Science and Higher Education No. 319 of 23.06.2025)",
  },
  page: { kk: "Бет", ru: "Стр.", en: "Page" },
  pageOf: { kk: "/", ru: "из", en: "of" },
} as const satisfies Texts;

/** "Комиссия ... бұйрығымен құрылған" with the order's number and date filled in. */
export function establishedBy(order: { number: string; date: string }, lang: DocumentLang): string {
  return {
    kk: `Комиссия білім беру ұйымы бірінші басшысының ${order.date} № ${order.number} бұйрығымен құрылған.`,
    ru: `Комиссия создана приказом первого руководителя организации образования от ${order.date} № ${order.number}.`,
    en: `The commission was established by order No. ${order.number} of ${order.date} of the head of the education organisation.`,
  }[lang];
}

/** "Протокол № 7 от 15.09.2025", in the word order of each language. */
export function protocolReference(number: string, date: string, lang: DocumentLang): string {
  return { kk: `${date} № ${number} хаттама`, ru: `Протокол № ${number} от ${date}`, en: `Protocol No. ${number} of ${date}` }[lang];
}

/** The heading of the extract: "from protocol No. 7 of 15.09.2025". */
export function fromProtocol(number: string, date: string, lang: DocumentLang): string {
  return { kk: `${date} № ${number} хаттамадан`, ru: `из протокола № ${number} от ${date}`, en: `from protocol No. ${number} of ${date}` }[
    lang
  ];
}

/** "Кворум: 7 мүшеден 5 мүше қатысты" — the members present out of the whole commission. */
export function quorumLine(present: number, total: number, lang: DocumentLang): string {
  return {
    kk: `Кворум: комиссияның ${total} мүшесінен ${present} мүше қатысты.`,
    ru: `Кворум: присутствуют ${present} из ${total} членов Комиссии.`,
    en: `Quorum: ${present} of ${total} members present.`,
  }[lang];
}

export function agendaItemHeading(index: number, lang: DocumentLang): string {
  return { kk: `${index}-мәселе бойынша`, ru: `По вопросу ${index}`, en: `Item ${index}` }[lang];
}

/** A paragraph of the Rules ("п. 17 Правил") or of the Recommendations. */
export function cite(source: "R" | "M", paragraph: string, lang: DocumentLang): string {
  if (source === "R")
    return { kk: `Қағидалардың ${paragraph}-тармағы`, ru: `п. ${paragraph} Правил`, en: `Rules, para. ${paragraph}` }[lang];
  return { kk: `Ұсынымдардың ${paragraph}-тармақтары`, ru: `п. ${paragraph} Рекомендаций`, en: `Recommendations, paras. ${paragraph}` }[
    lang
  ];
}

export function procedureName(procedure: RecognitionProcedure, lang: DocumentLang): string {
  switch (procedure) {
    case "A":
      return {
        kk: "Бейресми білім беру арқылы алынған оқыту нәтижелерін тану (Қағидалардың 2-тарауы)",
        ru: "Признание результатов обучения неформального образования (глава 2 Правил)",
        en: "Recognition of learning outcomes of non-formal education (Rules, chapter 2)",
      }[lang];
    case "B":
      return {
        kk: "Кәсіптік біліктілікті тану нәтижелерін тану (Қағидалардың 3-тарауы)",
        ru: "Признание результатов признания профессиональной квалификации (глава 3 Правил)",
        en: "Recognition of a professional qualification (Rules, chapter 3)",
      }[lang];
    case "micro":
      return {
        kk: `Микробіліктілік кредиттерін қайта есептеу (${cite("M", "19–26", "kk")})`,
        ru: `Перезачёт кредитов микроквалификации (${cite("M", "19–26", "ru")})`,
        en: `Credit transfer of a micro-qualification (${cite("M", "19–26", "en")})`,
      }[lang];
  }
}

/** The paragraphs each procedure relies on: the majority rule, the extract, the exemption. */
export const PROCEDURE_RULES: Readonly<Record<RecognitionProcedure, { decision: string; extract: string; exemption: string }>> = {
  A: { decision: "17", extract: "18", exemption: "19" },
  B: { decision: "28", extract: "29", exemption: "30" },
  // A micro-qualification certificate is a document of non-formal learning (R п.10, M п.25): chapter 2 applies.
  micro: { decision: "17", extract: "18", exemption: "19" },
};

/** The majority rule with the counts: who took part, how many were for, how many were needed. */
export function majorityLine(
  procedure: RecognitionProcedure,
  counts: { taking: number; for: number; required: number },
  lang: DocumentLang,
): string {
  const rule = cite("R", PROCEDURE_RULES[procedure].decision, lang);
  const tally = `${LABELS.taking[lang]} — ${counts.taking}, ${LABELS.for[lang]} — ${counts.for}, ${LABELS.required[lang]} ${counts.required}`;
  return {
    kk: `(${rule}: шешім отырысқа қатысқан комиссия мүшелерінің жалпы санының көпшілік даусымен қабылданады; ${tally})`,
    ru: `(${rule}: решение принимается большинством голосов от общего числа участвующих в заседании членов Комиссии; ${tally})`,
    en: `(${rule}: decided by a majority of the members taking part in the meeting; ${tally})`,
  }[lang];
}

export function exemptionNote(procedure: RecognitionProcedure, lang: DocumentLang): string {
  const rule = cite("R", PROCEDURE_RULES[procedure].exemption, lang);
  return {
    kk: `Білім алушы (тыңдаушы) қайта есептелген пәндерді (модульдерді) келесі академиялық кезеңдерде оқудан босатылады (${rule}).`,
    ru: `Обучающийся (слушатель) освобождается от изучения перезачтённых учебных дисциплин (модулей) в следующих академических периодах (${rule}).`,
    en: `The student (listener) is exempt from studying the re-credited disciplines (modules) in the following academic periods (${rule}).`,
  }[lang];
}

export function transcriptNote(procedure: RecognitionProcedure, lang: DocumentLang): string {
  const rule = cite("R", PROCEDURE_RULES[procedure].extract, lang);
  return {
    kk: `Мәліметтер білім алушының (тыңдаушының) транскриптіне енгізілуі тиіс (${rule}).`,
    ru: `Сведения подлежат внесению в транскрипт обучающегося (слушателя) (${rule}).`,
    en: `To be entered in the student's (listener's) transcript (${rule}).`,
  }[lang];
}

export const VERDICT_NAMES: Readonly<Record<Verdict, LocalizedText>> = {
  valid: { kk: "жарамды", ru: "действителен", en: "valid" },
  revoked: { kk: "кері қайтарылған", ru: "отозван", en: "revoked" },
  suspended: { kk: "күші тоқтатылған", ru: "приостановлен", en: "suspended" },
  expired: { kk: "мерзімі өткен", ru: "срок действия истёк", en: "expired" },
  not_yet_valid: { kk: "әлі күшіне енбеген", ru: "ещё не вступил в силу", en: "not yet valid" },
  tampered: { kk: "өзгертілген немесе жалған", ru: "изменён или подделан", en: "altered or forged" },
  untrusted_issuer: {
    kk: "беруші ұйымға сенім расталмаған",
    ru: "доверие к выдавшей организации не подтверждено",
    en: "issuer not trusted",
  },
  invalid: { kk: "тексеру мүмкін емес", ru: "проверить невозможно", en: "cannot be checked" },
};
