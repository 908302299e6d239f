/**
 * What search needs to know of each language Frontdesk speaks (shared/language.ts): its stop words, its
 * Snowball stemmer, and a guess of which language a text is written in, so an article and a question are
 * both read with the stemmer of their own language ("Rechnungen" meets "Rechnung", "factures" "facture").
 */
import { newStemmer } from 'snowball-stemmers';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../../../shared/language';

const words = (list: string) => list.split(/\s+/).filter(Boolean);

/**
 * Function words and the polite filler of support questions, per language. English also holds the
 * customer-speak chosen on the evaluation set's dev split (server/src/ai/eval/); the others are the common
 * articles, pronouns, prepositions, auxiliaries and question words, which say nothing about what is asked.
 */
const STOP_WORDS: Record<Language, ReadonlySet<string>> = {
  en: new Set(
    words(`a about above after again all am an and any are as at be because been before being below between both but by can
  could did do does doing during each few for from further had has have having he her here hers him his how i if
  in into is it its itself just me more most my myself no nor not now of off on once only or other our ours out over
  own same she should so some such than that the their theirs them then there these they this those through to too
  under until up very was we were what when where which while who whom why will with would you your yours yourself
  please hi hello hey thanks thank tell know want need get got im ive dont cant wont there's it's i'm can't don't
  hey ok okay also still really help whats wheres hows whos whens id ill ive youre theyre lets thats theres heres
  dont doesnt didnt isnt arent cant wont wouldnt couldnt shouldnt
  us guys want wants wanted think like someone somebody anyone anything something one make put use using many much
  way thing things jump real actually maybe perhaps sure right quick kind sort able possible happen happens mean
  means go going trying tried wondering another`),
  ),
  de: new Set(
    words(`der die das den dem des ein eine einen einem einer eines und oder aber doch sondern denn wenn als ob dass weil
  ich du er sie es wir ihr mich mir dich dir sich uns euch ihn ihm ihnen mein meine meinen meinem meiner unser unsere
  unseren unserem unserer euer eure dein deine sein seine ihre ihren ihrem ist sind bin bist seid war waren wird werden
  wurde wurden worden hat habe haben hast hatte hatten kann kannst können könnt konnte muss müssen musst soll sollen
  sollte will wollen möchte möchten würde würden darf dürfen in im ins an am auf aus bei mit nach von vom zu zum zur
  für über unter vor hinter neben zwischen durch gegen ohne um bis seit nicht kein keine keinen keinem auch noch nur
  schon sehr so wie was wer wo wann warum wieso weshalb welche welcher welches wohin woher man hier da dort dann jetzt
  mal bitte danke hallo guten tag ja nein etwas jemand niemand alle alles viel viele gibt geht gehen machen mache macht bekommen
  kriege eigentlich leider gerne`),
  ),
  fr: new Set(
    words(`le la les l un une des du de d au aux et ou mais donc car ni que qu qui quoi dont où ce cet cette ces c ça
  je j tu il elle on nous vous ils elles me m te t se s lui leur leurs mon ma mes ton ta tes son sa ses notre nos votre
  vos est sont suis es sommes êtes était étaient été être ai as avons avez ont avait avaient avoir fait faire peut
  peux pouvez pouvons puis dois doit devons devez faut veux veut voulons voulez voudrais voudrions dans en sur sous
  par pour avec sans chez vers entre depuis pendant avant après contre ne pas plus jamais rien aussi encore déjà très
  bien comment combien pourquoi quand quel quelle quels quelles est-ce y a-t-il il y bonjour merci svp stp oui non
  tout tous toute toutes comme si`),
  ),
  es: new Set(
    words(`el la los las lo un una unos unas y o u e pero ni que qué quien quién quienes cual cuál cuales cuáles cuando
  cuándo donde dónde como cómo cuanto cuánto cuantos cuántos por porque qué yo tú tu usted ustedes él ella ellos ellas
  nosotros nosotras vosotros me te se nos os le les mi mis su sus nuestro nuestra nuestros nuestras es son soy somos
  está están estoy estamos era eran fue fueron ser estar he has ha hemos han había hay puedo puede podemos pueden
  podría quiero quiere queremos quisiera debo debe tengo tiene tenemos tienen hacer hago hace a al de del en con sin
  sobre para entre desde hasta hacia durante ante tras no sí también ya muy más menos todo todos toda todas este esta
  estos estas ese esa eso hola gracias favor buenos días`),
  ),
  pt: new Set(
    words(`o a os as um uma uns umas e ou mas nem que quem qual quais quando onde como quanto quantos porque por pelo pela
  pelos pelas eu tu você vocês ele ela eles elas nós me te se nos lhe lhes meu minha meus minhas seu sua seus suas nosso
  nossa nossos nossas é são sou somos está estão estou estamos era eram foi foram ser estar tem têm tenho temos ter
  havia há posso pode podemos podem poderia quero quer queremos queria gostaria devo deve fazer faço faz de do da dos
  das em no na nos nas num numa com sem sobre para pra entre desde até durante não sim também já muito mais menos tudo
  todos toda todas este esta estes estas esse essa isso isto olá oi obrigado obrigada favor bom dia alguém ninguém nunca`),
  ),
  ar: new Set(
    words(`في من إلى الى على عن مع هذا هذه ذلك تلك هو هي هم هن أنا انا نحن أنت انت أنتم انتم كيف ماذا ما متى أين اين
  لماذا هل كم أي اي التي الذي الذين لا لم لن قد كان كانت يكون تكون أو او ثم أن ان إن لكن بعد قبل عند كل بعض غير
  يمكن يمكنني يمكننا أريد اريد نريد أستطيع استطيع مرحبا شكرا من فضلك لو سمحت و ف ب ل`),
  ),
};

/** Whether a word says nothing about what is asked, in that language. */
export function isStopWordIn(language: Language, word: string): boolean {
  return STOP_WORDS[language].has(word);
}

const STEMMER_NAMES: Record<Language, string> = { en: 'english', de: 'german', fr: 'french', es: 'spanish', pt: 'portuguese', ar: 'arabic' };
const stemmers = new Map<Language, { stem(word: string): string }>();
/** Stems already computed: the same words recur in every question and article, and stemming is the hot path. */
const stems = new Map<string, string>();
const MAX_CACHED_STEMS = 50_000;

/** The Snowball stem of a (lower-cased) word in a language; the stemmers are built on first use. */
export function stemIn(language: Language, word: string): string {
  const key = `${language}:${word}`;
  let s = stems.get(key);
  if (s === undefined) {
    let stemmer = stemmers.get(language);
    if (!stemmer) stemmers.set(language, (stemmer = newStemmer(STEMMER_NAMES[language])));
    s = stemmer.stem(word);
    if (stems.size >= MAX_CACHED_STEMS) stems.clear();
    stems.set(key, s);
  }
  return s;
}

const ARABIC_SCRIPT = /\p{Script=Arabic}/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;
/** Accented letters that only some of the Latin-script languages use: a hint when stop words tie. */
const LETTER_HINTS: Partial<Record<Language, RegExp>> = { de: /[äöüß]/g, fr: /[èêëîïôûùœ]/g, es: /[ñ¿¡]/g, pt: /[ãõ]/g };

/** How many of the Latin-script languages list each stop word: a word several share says less. */
const SHARED_BY = new Map<string, number>();
for (const language of LANGUAGES) if (language !== 'ar') for (const w of STOP_WORDS[language]) SHARED_BY.set(w, (SHARED_BY.get(w) ?? 0) + 1);

/**
 * The language a text is most likely written in: Arabic when most of its letters are Arabic script; else the
 * language whose stop words it uses most (a word that several languages share, such as "a", "de" or "nos",
 * counts for each a share, and the letters only one language uses add a little), else `hint` (the visitor's or
 * site's language) when it is one of ours, else English; the hint also wins a tie. Good enough to choose a
 * stemmer for a question or an article; not a general language identifier.
 */
export function detectLanguage(text: string, hint?: string | null): Language {
  const fallback = (LANGUAGES as readonly string[]).includes(hint ?? '') ? (hint as Language) : DEFAULT_LANGUAGE;
  const arabic = text.match(ARABIC_SCRIPT)?.length ?? 0;
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  if (arabic > latin) return 'ar';
  const lower = text.toLowerCase();
  const tokens = lower.match(/[\p{L}]+/gu) ?? [];
  const scores = new Map<Language, number>();
  for (const t of tokens) {
    const shared = SHARED_BY.get(t);
    if (!shared) continue;
    for (const language of LANGUAGES) if (language !== 'ar' && STOP_WORDS[language].has(t)) scores.set(language, (scores.get(language) ?? 0) + 1 / shared);
  }
  for (const [language, letters] of Object.entries(LETTER_HINTS) as [Language, RegExp][]) {
    const n = lower.match(letters)?.length ?? 0;
    if (n > 0) scores.set(language, (scores.get(language) ?? 0) + 0.25 * n);
  }
  let best = fallback;
  let bestScore = scores.get(fallback) ?? 0;
  for (const [language, score] of scores) {
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  return best;
}
