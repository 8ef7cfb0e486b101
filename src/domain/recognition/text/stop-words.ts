// Words that say nothing about what a learning outcome is about, per language: function words, and the
// verbs and nouns every outcome is phrased with ("знать/уметь/владеть", "know/understand/be able to",
// "білу/меңгеру/қабілетті", "skills", "навыки", "дағдылары"). Left in, they would make two unrelated outcomes
// look alike. terms() also drops a word whose stem is the stem of a stop word, so one form of each is enough
// in Russian and English; Kazakh lists more forms, since our Kazakh stemmer is lighter. "Programme" and
// "module" are kept on purpose: in computing outcomes they are content (бағдарламалау, программы, modules).
import type { Language } from "./language.js";

const words = (text: string): ReadonlySet<string> => new Set(text.split(/\s+/u).filter((w) => w.length > 0));

export const STOP_WORDS: Readonly<Record<Language, ReadonlySet<string>>> = {
  en: words(`
    a an the and or nor but if then than so as at by for from in into of off on onto out over per to up upon
    via with within without about across after against among before between during through under
    be is are was were been being am do does did done have has had having will would shall should can could
    may might must need needs not no yes all any both each every few more most other others some such own
    same very also only just too it its this that these those they them their there which who whom whose what
    when where while how why we our you your he she his her i me my etc eg ie e.g i.e
    know knows knowing knowledge understand understands understanding understood able ability abilities
    capable capability skill skills skilled competent competence competences competency competencies
    demonstrate demonstrates demonstrating use uses using used apply applies applying applied
    student students learner learners graduate graduates participant participants course courses
    discipline disciplines outcome outcomes result results
    basic basics fundamental fundamentals main key various different relevant appropriate including include
    includes new successful successfully completion complete completing upon acquire acquired gain gained
    `),
  ru: words(`
    и или либо а но да не ни в во на с со к ко по о об обо от до для при из изо за без через над под
    перед между про у же ли бы также как так что чтобы это этот эта эти этих этого тот та те того
    его ее её их им ими он она оно они свой своих своей свои который которая которые которых
    весь все всех всем всего вся каждый другой других иной быть является являются есть был была были будет
    знать знает знают знание знания знаний уметь умеет умеют умение умения умений владеть владеет владение
    навык навыки навыков способен способна способны способность способности понимать понимает понимание
    демонстрировать применять применяет применение использовать использует использование
    обучающийся обучающиеся студент студенты слушатель слушатели выпускник выпускники должен должна должны
    курс курса дисциплина дисциплины результат результаты
    компетенция компетенции основы основной основные основных различные различных соответствующие
    основе рамках области сфере целью цель получить получает приобрести
    `),
  kk: words(`
    және мен бен пен немесе не я да де та те ма ме ба бе па пе үшін туралы бойынша арқылы сияқты
    осы бұл сол ол олар оның олардың өз өзінің әр әрбір барлық бар жоқ кез келген тиіс қажет сондай ақ
    ретінде қатар түрлі негізгі негіздері негізінде саласында саласындағы ішінде кейін дейін бірге
    білу біледі білуі білуге білетін біле білім білімі білімін білімдер білімдері білімдерін
    меңгеру меңгереді меңгерген меңгеруі меңгере игеру игереді
    қабілетті қабілеті қабілетін қабілеттер қабілеттері түсіну түсінеді түсінігі түсінігін
    дағды дағдысы дағдылар дағдылары дағдыларын дағдыларды құзырет құзыреттер құзыреттілік
    ету етеді ете етіп алу алады ала алатын қолдану қолданады қолдана пайдалану пайдаланады пайдалана көрсету көрсетеді
    білім алушы алушы алушылар студент студенттер тыңдаушы тыңдаушылар түлек түлектер
    курс курсы пән пәні нәтиже нәтижелер нәтижесі нәтижелері
    `),
};
