// The application for the Registry of educational programmes (M п.27–28, appendix) as a printable A4
// document, in one of kk/ru/en: the ten fields of the appendix, numbered as there.
import type { LocalizedText } from "../domain/institutions/institution.js";
import type { RegistryApplication } from "../domain/qualifications/registry-application.js";
import { a4Document } from "./a4.js";

type Lang = keyof LocalizedText;

const T = {
  title: {
    kk: "Білім беру бағдарламаларының тізіліміне енгізуге өтінім",
    ru: "Заявка на включение в Реестр образовательных программ",
    en: "Application for inclusion in the Registry of educational programmes",
  },
  subtitle: { kk: "Микробіліктілік бағдарламасы", ru: "Программа микроквалификации", en: "Micro-qualification programme" },
  fields: [
    { kk: "Ұйымның атауы", ru: "Наименование организации", en: "Organisation" },
    { kk: "Бағдарламаның атауы", ru: "Наименование программы", en: "Programme name" },
    { kk: "Бағдарламаның мақсаты", ru: "Цель программы", en: "Programme goal" },
    { kk: "Оқыту нысаны", ru: "Форма обучения", en: "Form of study" },
    {
      kk: "Ұлттық біліктілік шеңберінің деңгейі",
      ru: "Уровень Национальной рамки квалификаций",
      en: "National Qualifications Framework level",
    },
    { kk: "Аккредиттеу", ru: "Аккредитация", en: "Accreditation" },
    { kk: "Жалпы еңбек сыйымдылығы", ru: "Общая трудоёмкость", en: "Total workload" },
    { kk: "Оқыту тілі", ru: "Язык обучения", en: "Language of instruction" },
    { kk: "Кәсіби стандарт", ru: "Профессиональный стандарт", en: "Professional standard" },
    { kk: "Оқыту нәтижелері", ru: "Результаты обучения", en: "Learning outcomes" },
  ],
  forms: {
    offline: { kk: "офлайн", ru: "офлайн", en: "offline" },
    online: { kk: "онлайн", ru: "онлайн", en: "online" },
    blended: { kk: "аралас", ru: "смешанная", en: "blended" },
  },
  none: { kk: "жоқ", ru: "нет", en: "none" },
  accreditation: {
    national_institutional: { kk: "ұлттық институционалдық", ru: "национальная институциональная", en: "national institutional" },
    national_programme: { kk: "ұлттық бағдарламалық", ru: "национальная программная", en: "national programme" },
    international: { kk: "халықаралық", ru: "международная", en: "international" },
  },
  credits: { kk: "кредит", ru: "кредитов", en: "credits" },
  hours: { kk: "академиялық сағат", ru: "академических часов", en: "academic hours" },
  labourFunction: { kk: "еңбек функциясы", ru: "трудовая функция", en: "labour function" },
  languages: {
    kk: { kk: "қазақ", ru: "орыс", en: "ағылшын" },
    ru: { kk: "казахский", ru: "русский", en: "английский" },
    en: { kk: "Kazakh", ru: "Russian", en: "English" },
  },
  basis: { kk: "Бекіту негізі", ru: "Основание", en: "Approval" },
} as const;

export async function renderRegistryApplicationPdf(
  application: RegistryApplication,
  lang: Lang,
  approval: { decisionNumber: string; decisionDate: string } | null,
): Promise<Buffer> {
  const { doc, width, finish } = a4Document({ margins: { top: 50, bottom: 50, left: 56, right: 56 }, info: { Title: T.title[lang] } });

  doc.font("bold").fontSize(14).text(T.title[lang], { align: "center", width });
  doc.font("regular").fontSize(10).fillColor("#555555").text(T.subtitle[lang], { align: "center", width }).fillColor("#000000");
  doc.moveDown(1.2);

  const a = application;
  const languageName = (code: string) => (code === "kk" || code === "ru" || code === "en" ? T.languages[lang][code] : code);
  const values: string[] = [
    `${a["1_organisation"].name[lang]} (BIN ${a["1_organisation"].bin})`,
    a["2_programmeName"][lang],
    a["3_goal"][lang],
    T.forms[a["4_formOfStudy"]][lang],
    String(a["5_nqfLevel"]),
    a["6_accreditation"] === "none"
      ? T.none[lang]
      : a["6_accreditation"]
          .map((x) => `${T.accreditation[x.kind][lang]}${x.agency ? ` — ${x.agency}` : ""}${x.register ? ` (${x.register})` : ""}`)
          .join("; "),
    `${a["7_workload"].credits} ${T.credits[lang]} (${a["7_workload"].hours} ${T.hours[lang]})`,
    a["8_languages"].map(languageName).join(", "),
    a["9_professionalStandard"].kind === "standard"
      ? `${a["9_professionalStandard"].standard[lang]}${a["9_professionalStandard"].code ? ` (${a["9_professionalStandard"].code})` : ""}; ${T.labourFunction[lang]}: ${a["9_professionalStandard"].labourFunction[lang]}`
      : a["9_professionalStandard"].wording[lang],
    a["10_learningOutcomes"].map((o) => `${o.code}. ${o.text[lang]}`).join("\n"),
  ];
  values.forEach((value, i) => {
    doc
      .font("bold")
      .fontSize(10)
      .text(`${i + 1}. ${T.fields[i]![lang]}`, { width });
    doc.font("regular").fontSize(10).text(value, { width, indent: 14 });
    doc.moveDown(0.6);
  });
  if (approval) {
    doc
      .moveDown(0.5)
      .font("regular")
      .fontSize(9)
      .fillColor("#555555")
      .text(`${T.basis[lang]}: № ${approval.decisionNumber}, ${approval.decisionDate}`, { width });
  }
  return finish();
}
