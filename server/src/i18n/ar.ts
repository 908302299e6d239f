import type { Texts } from './en';

export const ar: Texts = {
  greeting: (agentName) => `مرحبًا! أنا ${agentName}. كيف يمكنني مساعدتك اليوم؟`,
  welcome: 'على الرحب والسعة! هل هناك شيء آخر يمكنني مساعدتك فيه؟',
  noAnswerOffer: 'عذرًا، لم أجد إجابة عن ذلك في مركز المساعدة. هل تريد أن أوصلك بموظف، أم أواصل المحاولة؟ يمكنك أيضًا إعادة صياغة سؤالك.',
  noAnswerAgain: 'عذرًا، لم أجد ذلك في مركز المساعدة أيضًا. جرّب إعادة الصياغة، أو اختر «التحدث إلى موظف» وسيتولى فريقنا الأمر.',
  offer: 'هل تريد أن أوصلك بموظف، أم أواصل المحاولة؟',
  frustratedApology: 'أعتذر لأن الأمر كان مزعجًا. ',
  repeatedApology: 'يبدو أن إجاباتي لا تساعدك. ',
  priority: { high: 'عالية', medium: 'متوسطة', low: 'منخفضة' },
  handoffNotice: (n) =>
    `أحلت طلبك إلى فريق الدعم ${n.followUp ? 'كمتابعة، التذكرة' : 'بالتذكرة'} رقم ${n.number} (أولوية ${ar.priority[n.priority]}). ${n.promise} يمكنك مواصلة الكتابة هنا؛ كل ما تضيفه يذهب إلى التذكرة نفسها.`,
  promise: {
    solved: 'تم حل هذا الطلب. اكتب هنا إذا احتجت إلى مساعدة أخرى وسيُعاد فتحه.',
    closed: 'هذا الطلب مغلق.',
    ourTeam: (centre) => `فريقنا في ${centre}`,
    yourTeam: (team) => `${team} الخاص بك`,
    onIt: (team) => `${team} يعمل على طلبك وسيُطلعك على المستجدات هنا.`,
    replyBy: (time) => ` وسيرد قبل ${time}`,
    inNow: (team, by) => `${team} متاح الآن${by}.`,
    closedNow: (team, by) => `${team} غير متاح حاليًا${by}.`,
    opensAt: (team, time, by) => `${team} يبدأ العمل في ${time}${by}.`,
    yourTime: (time) => `${time} بتوقيتك`,
    utc: (time) => `${time} بالتوقيت العالمي`,
  },
  mail: {
    hello: 'مرحبًا،',
    confirmSubject: 'يُرجى تأكيد عنوان بريدك الإلكتروني',
    confirmBody: (site, number, link) =>
      `أدخل شخص ما هذا العنوان في المحادثة على ${site}${number ? ` للطلب رقم ${number}` : ''}، لتلقي ردود فريق الدعم عبر البريد الإلكتروني.\n\n` +
      `لتأكيده، ردّ على هذه الرسالة أو افتح هذا الرابط:\n${link}\n\n` +
      'إلى أن تؤكّده، لن نرسل أي شيء آخر إلى هذا العنوان. إن لم تكن أنت، فتجاهل هذه الرسالة.\n',
    replyFooter: (number) => `الطلب رقم ${number}: ردّ على هذه الرسالة للإجابة، ويُرجى إبقاء [#${number}] في الموضوع.`,
    csatBody: (number, links) =>
      `لقد حللنا الطلب رقم ${number}. كيف كانت خدمتنا؟ اختر من 1 (سيئة) إلى 5 (ممتازة):\n\n${links}\n\nيفتح كل رابط صفحة يمكنك فيها إضافة تعليق وإرسال إجابتك.\n`,
    transcriptSubject: (number, site) => `[#${number}] محادثتك مع ${site}`,
    transcriptHeading: (site, number) => `دعم ${site}: الطلب رقم ${number}`,
    subject: 'الموضوع',
    status: 'الحالة',
    statuses: { new: 'جديد', open: 'مفتوح', pending: 'بانتظار ردك', on_hold: 'معلّق', solved: 'تم الحل', closed: 'مغلق' },
    attached: (name) => `(مرفق: ${name})`,
    cut: (max) => `(تُعرض أول ${max} رسالة فقط.)`,
    signInSubject: (site) => `رابط تسجيل الدخول إلى ${site}`,
    signInBody: (site, link, minutes) =>
      `افتح هذا الرابط لترى طلبات الدعم الخاصة بك لدى ${site} وتديرها:\n\n${link}\n\nيعمل الرابط مرة واحدة، خلال ${minutes} دقيقة. إن لم تطلبه، فيمكنك تجاهل هذه الرسالة.\n`,
  },
};
