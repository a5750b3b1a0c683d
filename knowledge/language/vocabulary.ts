// The one vocabulary of the matcher: how staff and school policies name the people, platforms,
// devices, media, actions, harms and places this subject is about. Every group must hold for any
// UK school's policy (words from GLOSSARY.md and ordinary English), never for one policy or one
// question. Questions and clauses are read with the same groups, so both sides meet in the middle.

/** What a concept tells about a sentence: who, what with, what is done, what harm, where or when. */
export type Slot = 'people' | 'owner' | 'platform' | 'device' | 'media' | 'info' | 'action' | 'harm' | 'time' | 'process';

export interface Concept {
  id: string;
  slot: Slot;
  /** Words and phrases (lower case, base forms: inflections are stemmed away). */
  words: readonly string[];
  /** The kind of thing this is ("Facebook" is social media): a rule on the kind applies to it. */
  broader?: string;
  /** A neighbouring concept a clause may speak of instead ("pupils" for ex-pupils): near, not the same. */
  related?: string;
}

/** Every concept. Order matters only for reading: a longer phrase wins over its words. */
export const CONCEPTS: readonly Concept[] = [
  // People. The member of staff asking is 'staff'; the others are who a rule is about.
  { id: 'pupil', slot: 'people', words: ['pupil', 'child', 'children', 'student', 'kid', 'learner', 'young person', 'young people', 'yp', 'yps', 'youngster', 'boy', 'girl', 'teenager', 'minor', 'reception', 'year group', 'sixth former', 'under 18', 'boarder', 'tutee', 'form group', 'nursery child', 'toddler', 'baby'] },
  { id: 'expupil', slot: 'people', related: 'pupil', words: ['former pupil', 'ex pupil', 'expupil', 'old pupil', 'past pupil', 'former student', 'ex student', 'alumni', 'alumnus', 'leaver', 'left the school', 'left school', 'used to teach', 'no longer a pupil', 'former learner'] },
  { id: 'parent', slot: 'people', words: ['parent', 'carer', 'guardian', 'mum', 'dad', 'mother', 'father', 'stepmum', 'stepdad', 'parents and carers', 'parent carer', 'family member of a pupil'] },
  { id: 'relative', slot: 'people', words: ['relative', 'family', 'family member', 'niece', 'nephew', 'cousin', 'sibling', 'brother', 'sister', 'son', 'daughter', 'grandchild', 'grandson', 'granddaughter', 'aunt', 'uncle', 'godchild', 'related'] },
  { id: 'colleague', slot: 'people', words: ['colleague', 'coworker', 'co worker', 'workmate', 'fellow staff', 'other staff', 'another teacher', 'other teachers', 'other adults', 'fellow teacher'] },
  { id: 'staff', slot: 'people', words: ['staff', 'staff member', 'member of staff', 'employee', 'teacher', 'teaching assistant', 'support staff', 'adult', 'practitioner', 'volunteer', 'worker', 'supply teacher', 'trainee', 'student teacher', 'contractor', 'personnel', 'workforce', 'supervisor', 'midday supervisor', 'lunchtime supervisor', 'dinner lady', 'caretaker', 'site manager', 'office staff', 'receptionist', 'coach', 'tutor', 'housemaster', 'housemistress', 'nursery nurse', 'key person', 'apprentice', 'technician', 'cover supervisor', 'mentor', 'minibus escort', 'bus escort', 'passenger assistant', 'minibus driver'] },
  { id: 'leader', slot: 'people', words: ['head', 'headteacher', 'head teacher', 'principal', 'head of school', 'executive head', 'executive headteacher', 'chief executive', 'ceo', 'senior leader', 'senior leadership', 'leadership team', 'slt', 'line manager', 'manager', 'boss', 'deputy', 'deputy head', 'bursar', 'business manager'] },
  { id: 'governor', slot: 'people', words: ['governor', 'governing body', 'trustee', 'board of trustees', 'chair of governors', 'governing board'] },
  { id: 'dsl', slot: 'people', words: ['designated safeguarding lead', 'designated safeguarding officer', 'dsl', 'safeguarding lead', 'safeguarding officer', 'child protection officer', 'designated person', 'deputy dsl'] },
  { id: 'lado', slot: 'people', words: ['lado', 'local authority designated officer', 'designated officer'] },
  { id: 'police', slot: 'people', words: ['police', 'ceop', 'child exploitation', 'action fraud', 'crime', 'criminal', 'illegal', 'unlawful', '999'] },
  { id: 'press', slot: 'people', words: ['media', 'press', 'journalist', 'newspaper', 'local paper', 'paper', 'reporter', 'tv', 'television', 'radio', 'news', 'bbc', 'itv', 'quote', 'interview', 'media enquiry'] },
  { id: 'public', slot: 'people', words: ['member of the public', 'members of the public', 'stranger', 'third party', 'anyone', 'others', 'someone', 'people', 'individual', 'community', 'visitor'] },

  // Whose thing: a personal account or device, or the school's.
  { id: 'personal', slot: 'owner', words: ['personal', 'own', 'private', 'home', 'privately owned', 'my own'] },
  { id: 'official', slot: 'owner', words: ['school', 'work', 'official', 'academy', 'trust', 'setting', 'federation', 'nursery', 'college', 'organisation', 'council', 'authority', 'provided', 'issued', 'approved'] },

  // Where things happen online.
  { id: 'socialmedia', slot: 'platform', words: ['social media', 'social network', 'social networking', 'networking site', 'social platform', 'online', 'internet', 'web', 'website', 'site', 'app', 'platform', 'blog', 'vlog', 'forum', 'chat room', 'online community', 'podcast'] },
  { id: 'facebook', slot: 'platform', broader: 'socialmedia', words: ['facebook', 'fb', 'meta', 'facebook group', 'messenger'] },
  { id: 'instagram', slot: 'platform', broader: 'socialmedia', words: ['instagram', 'insta', 'ig'] },
  { id: 'twitter', slot: 'platform', broader: 'socialmedia', words: ['twitter', 'tweet', 'retweet', 'x'] },
  { id: 'tiktok', slot: 'platform', broader: 'socialmedia', words: ['tiktok', 'tik tok'] },
  { id: 'snapchat', slot: 'platform', broader: 'socialmedia', words: ['snapchat', 'snap'] },
  { id: 'whatsapp', slot: 'platform', broader: 'socialmedia', words: ['whatsapp', 'whats app', 'group chat', 'telegram', 'signal'] },
  { id: 'youtube', slot: 'platform', broader: 'socialmedia', words: ['youtube', 'twitch', 'livestream', 'live stream', 'streaming'] },
  { id: 'linkedin', slot: 'platform', broader: 'socialmedia', words: ['linkedin'] },
  { id: 'gaming', slot: 'platform', broader: 'socialmedia', words: ['game', 'gaming', 'online game', 'xbox', 'playstation', 'fortnite', 'roblox', 'minecraft', 'console', 'discord'] },
  { id: 'dating', slot: 'platform', broader: 'socialmedia', words: ['dating', 'dating app', 'tinder', 'bumble', 'hinge'] },
  { id: 'email', slot: 'platform', words: ['email', 'e mail', 'gmail', 'hotmail', 'yahoo', 'outlook', 'inbox', 'email address'] },
  { id: 'account', slot: 'platform', words: ['account', 'page', 'profile', 'group', 'channel', 'handle', 'username', 'feed', 'webpage', 'blog'] },

  // Things used.
  { id: 'device', slot: 'device', words: ['device', 'phone', 'mobile', 'mobile phone', 'smartphone', 'handset', 'iphone', 'tablet', 'ipad', 'laptop', 'computer', 'pc', 'chromebook', 'camera', 'smartwatch', 'smart watch', 'equipment', 'ict', 'hardware', 'technology', 'network', 'wifi'] },
  { id: 'photo', slot: 'media', words: ['photo', 'photograph', 'photography', 'picture', 'image', 'imagery', 'selfie', 'video', 'film', 'footage', 'clip', 'pic', 'likeness'] },
  { id: 'personalinfo', slot: 'info', words: ['personal information', 'personal details', 'contact details', 'home address', 'address', 'where i live', 'where you live', 'where they live', 'where he lives', 'where she lives', 'street', 'postcode', 'phone number', 'mobile number', 'telephone number', 'number', 'location', 'date of birth', 'personal data'] },
  { id: 'confidential', slot: 'info', words: ['confidential', 'confidentiality', 'sensitive', 'data', 'data protection', 'gdpr', 'information about pupils', 'private information', 'secret'] },
  { id: 'logo', slot: 'info', words: ['logo', 'crest', 'emblem', 'badge', 'brand', 'branding', 'school name', 'uniform', 'insignia'] },
  { id: 'material', slot: 'info', words: ['material', 'resource', 'worksheet', 'lesson plan', 'newsletter', 'poster', 'flyer', 'leaflet', 'copyright', 'intellectual property'] },
  { id: 'employment', slot: 'info', words: ['employment', 'job', 'workload', 'pay', 'salary', 'contract', 'working conditions', 'employer', 'career', 'pension', 'promotion'] },
  { id: 'opinion', slot: 'info', words: ['opinion', 'view', 'politics', 'political', 'religion', 'religious', 'belief', 'campaign', 'vote', 'election'] },

  // What is done.
  { id: 'befriend', slot: 'action', words: ['friend', 'befriend', 'friend request', 'follow', 'follower', 'follow request', 'add', 'connect', 'connection', 'accept', 'unfriend', 'subscribe', 'join'] },
  { id: 'message', slot: 'action', words: ['message', 'keep in touch', 'in touch', 'get in touch', 'dm', 'direct message', 'text', 'chat', 'call', 'ring', 'phone call', 'contact', 'communicate', 'communication', 'correspond', 'reply', 'respond', 'answer', 'talk', 'speak', 'interact', 'engage', 'conversation'] },
  { id: 'post', slot: 'action', words: ['post', 'share', 'upload', 'publish', 'put online', 'put up', 'repost', 'comment', 'write', 'blog', 'display', 'broadcast', 'stream', 'caption', 'mention', 'discuss', 'status'] },
  { id: 'photograph', slot: 'action', words: ['photograph', 'film', 'capture'] },
  { id: 'access', slot: 'action', words: ['access', 'use', 'browse', 'go on', 'look at', 'check', 'log in', 'log on', 'scroll', 'visit'] },
  { id: 'criticise', slot: 'action', words: ['criticise', 'criticism', 'critical', 'complain', 'complaint', 'moan', 'vent', 'rant', 'whinge', 'grumble', 'slag off', 'disparage', 'negative', 'grievance', 'aggrieved', 'kick off', 'kicking off', 'disrepute', 'reputation', 'bad mouth', 'bring the school into disrepute', 'embarrass', 'salary'] },
  { id: 'create', slot: 'action', words: ['create', 'set up', 'start', 'launch', 'open', 'run', 'manage', 'administer', 'moderate', 'admin'] },
  { id: 'identify', slot: 'action', words: ['identify', 'name', 'tag', 'full name', 'surname', 'identifiable', 'recognisable'] },
  { id: 'sell', slot: 'action', words: ['sell', 'selling', 'business', 'commercial', 'advertise', 'promote', 'endorse', 'sponsor', 'shop', 'gift', 'money'] },

  // Harms a report is about.
  { id: 'abuse', slot: 'harm', words: ['abuse', 'abusive', 'bully', 'bullying', 'cyberbully', 'cyberbullying', 'harass', 'harassment', 'troll', 'trolling', 'insult', 'nasty', 'horrible', 'vile', 'offensive', 'rude', 'upsetting', 'disturbing', 'slag off', 'slagging', 'mock', 'humiliate', 'victimise', 'stalk', 'pile on', 'calling me a', 'called me a', 'calls me a', 'calling her a', 'called her a', 'calling him a', 'called him a', 'name calling', 'liar', 'thug', 'idiot', 'moron', 'disgrace', 'incompetent', 'not fit to teach', 'unfit to teach'] },
  { id: 'threat', slot: 'harm', related: 'abuse', words: ['threat', 'threaten', 'intimidate', 'intimidation', 'kill', 'stab', 'beat up', 'violence', 'violent', 'attack', 'going to hurt', 'going to get', 'knife', 'weapon', 'gun', 'machete', 'sort her out', 'sort him out', 'sort you out'] },
  { id: 'physical', slot: 'harm', related: 'abuse', words: ['hit', 'hurt', 'smack', 'slap', 'kick', 'punch', 'shove', 'pushed', 'grabbed', 'shake', 'shook', 'assault', 'touch', 'kiss', 'restrain', 'manhandle', 'pinch'] },
  { id: 'defame', slot: 'harm', words: ['defamatory', 'defamation', 'defame', 'libel', 'libellous', 'slander', 'lie', 'lies', 'false', 'untrue', 'rumour', 'accusation', 'accuse', 'allegation', 'allege'] },
  { id: 'hate', slot: 'harm', words: ['racist', 'racism', 'homophobic', 'transphobic', 'sexist', 'discriminatory', 'discrimination', 'hate', 'hateful', 'prejudice'] },
  { id: 'sexual', slot: 'harm', words: ['indecent', 'nude', 'naked', 'semi nude', 'sexual', 'sexting', 'explicit', 'porn', 'pornography', 'pornographic', 'obscene', 'topless', 'top off', 'no clothes', 'without clothes', 'underwear', 'undressed', 'half naked', 'semi naked'] },
  { id: 'extremism', slot: 'harm', words: ['radicalisation', 'radicalise', 'extremism', 'extremist', 'terrorism', 'terrorist', 'prevent duty', 'channel referral'] },
  { id: 'risk', slot: 'harm', words: ['risk', 'at risk', 'harm', 'danger', 'unsafe', 'groom', 'grooming', 'exploitation', 'self harm', 'suicide', 'suicidal', 'overdose', 'pills', 'kill myself', 'end it all', 'end my life', 'want to die', 'cant do this anymore', 'not do this anymore', 'want to be here anymore', 'does not feel safe', 'feels unsafe', 'asking for pics', 'asking for pictures', 'asking for photos', 'asked for pics', 'asked for pictures', 'where she lives', 'where he lives', 'asking her to meet', 'asking him to meet', 'asking her to send', 'asked her to send', 'asking him to send', 'asked him to send', 'keep it a secret', 'keep it secret', 'bad at home', 'scared to go home', 'neglect', 'not safe', 'hurt at home', 'abused at home', 'run away', 'runaway', 'inappropriate relationship', 'child abuse', 'paedophile', 'pedophile', 'safeguarding', 'child protection', 'welfare', 'vulnerable'] },
  { id: 'impersonate', slot: 'harm', words: ['impersonate', 'pretend', 'fake account', 'fake profile', 'hack', 'hacked', 'catfish'] },

  // When and where.
  { id: 'worktime', slot: 'time', words: ['work time', 'working time', 'working hours', 'work hours', 'school hours', 'school day', 'working day', 'lesson', 'teaching time', 'directed time', 'on duty', 'at work', 'in class', 'classroom', 'in front of pupils', 'while teaching', 'contact time'] },
  { id: 'break', slot: 'time', words: ['break', 'lunch', 'lunchtime', 'breaktime', 'rest break', 'free period', 'ppa', 'staffroom', 'staff room'] },
  { id: 'outside', slot: 'time', words: ['outside work', 'outside school', 'own time', 'personal time', 'evening', 'weekend', 'holiday', 'at home', 'after school', 'before school', 'after the school day', 'before the school day', 'before or after the school day', 'outside the school day', 'outside working hours', 'out of hours', 'private life', 'personal life'] },
  { id: 'premises', slot: 'time', words: ['premises', 'on site', 'grounds', 'building', 'playground', 'in school'] },
  { id: 'event', slot: 'time', words: ['event', 'trip', 'visit', 'outing', 'residential', 'sports day', 'concert', 'nativity', 'performance', 'assembly', 'fete', 'disco', 'school trip', 'educational visit'] },

  // What the school does.
  { id: 'approval', slot: 'process', words: ['permission', 'consent', 'approval', 'approve', 'authorise', 'authorisation', 'sign off', 'agree', 'clearance', 'opt out', 'opt in'] },
  { id: 'report', slot: 'process', words: ['report', 'tell', 'inform', 'notify', 'raise', 'refer', 'referral', 'pass on', 'disclose', 'disclosure', 'alert', 'concern', 'worried', 'worry', 'escalate', 'whistleblowing', 'whistleblower', 'whistle blowing'] },
  { id: 'evidence', slot: 'process', words: ['evidence', 'screenshot', 'screen shot', 'screen print', 'screengrab', 'record', 'keep a record', 'keep records', 'log', 'save', 'copy'] },
  { id: 'remove', slot: 'process', words: ['remove', 'removal', 'delete', 'take down', 'taken down', 'block', 'report the post'] },
  { id: 'discipline', slot: 'process', words: ['disciplinary', 'discipline', 'dismissal', 'dismiss', 'sack', 'fire', 'misconduct', 'gross misconduct', 'break the policy', 'break this policy', 'break the code', 'break the code of conduct', 'break a rule', 'break the law', 'staff behaviour policy', 'code of conduct', 'staff code of conduct', 'sanction', 'consequence', 'breach', 'break the rules', 'investigation', 'suspend', 'suspension'] },
  { id: 'behaviourpolicy', slot: 'process', words: ['behaviour policy', 'anti bullying', 'anti bullying policy', 'behaviour management', 'child on child', 'peer on peer'] },
  { id: 'legal', slot: 'process', words: ['legal', 'legal advice', 'legal action', 'solicitor', 'lawyer', 'sue', 'court', 'law'] },
  { id: 'meeting', slot: 'process', words: ['meeting', 'meet', 'in person', 'face to face'] },
  { id: 'privacy', slot: 'process', words: ['privacy', 'privacy setting', 'private', 'security setting', 'lock', 'locked', 'visible', 'public profile', 'settings', 'restrict', 'publicly available', 'public', 'who can see', 'who sees', 'audience'] },
  { id: 'disclaimer', slot: 'process', words: ['disclaimer', 'views are my own', 'views are mine', 'own views', 'personal views', 'views i express', 'mine alone', 'do not represent', 'not the views', 'necessarily reflect', 'do not reflect', 'in a personal capacity'] },
];

/** How staff type words in chat → the words meant. Only spellings any staff member might use. */
export const TEXT_SPEAK: ReadonlyMap<string, string> = new Map(Object.entries({
  cn: 'can', cud: 'could', cld: 'could', shud: 'should', shld: 'should', wud: 'would', u: 'you', ur: 'your', r: 'are',
  im: 'i am', ive: 'i have', dont: 'do not', cant: 'can not', wont: 'will not', isnt: 'is not', doesnt: 'does not',
  shouldnt: 'should not', pls: 'please', plz: 'please', abt: 'about', bout: 'about', b4: 'before', thx: 'thanks',
  ppl: 'people', wot: 'what', wat: 'what', wht: 'what', skool: 'school', skul: 'school', scool: 'school', skl: 'school',
  pic: 'photo', pics: 'photos', piccy: 'photo', pix: 'photos', vid: 'video', vids: 'videos', msg: 'message', msgs: 'messages',
  pm: 'message', txt: 'text', mob: 'mobile', fone: 'phone', lappy: 'laptop', govs: 'governors', ht: 'headteacher',
  ta: 'teaching assistant', tas: 'teaching assistants', frend: 'friend', freind: 'friend', frends: 'friends', freinds: 'friends',
  mam: 'mum', mom: 'mum', moms: 'mums', yr: 'year', yrs: 'years', convo: 'conversation', info: 'information', k: 'okay', ok: 'okay',
}));

/** Words that carry no topic of their own: function words and the words every question is made of. */
export const STOPWORDS: ReadonlySet<string> = new Set((
  'a an the and or but if then than so of to in on at by for from with about into onto over under up down out as ' +
  'is are was were be been being am do does did doing done have has had having can could may might must shall should will would ' +
  'it its this that these those there here what which who whom whose when where why how i me my mine myself we us our ours ' +
  'you your yours he him his she her hers they them their theirs one any all some each every other such only also just very ' +
  'really too not no nor yes okay ok alright fine allowed allow permitted able want wanted need needed please get got ' +
  'thing something anything nothing everything somebody anybody everybody nobody else another still even way like whether ' +
  'while whilst however etc eg ie via per upon again further once both few more most same lot lots little much many ' +
  'know think thanks thank hi hello hey cheers guys just actually basically maybe perhaps probably wondering wonder ' +
  'happen happens happened sure reckon guess mean suppose supposed exactly certain particular case situation ' +
  'yeah bit quick quickly since ago though although because cos coz now today tomorrow yesterday soon later already yet'
).split(/\s+/));

/** Every word and phrase the vocabulary names (the vectors builder keeps a vector for each). */
export const VOCABULARY_WORDS: readonly string[] = [
  ...new Set([...CONCEPTS.flatMap((c) => c.words.flatMap((w) => w.split(' '))), ...[...TEXT_SPEAK.values()].flatMap((w) => w.split(' '))]),
];

const byId = new Map(CONCEPTS.map((c) => [c.id, c]));

/** The concept with this id (throws on a typo in the code, never on user input). */
export function concept(id: string): Concept {
  const c = byId.get(id);
  if (!c) throw new Error(`No concept "${id}" in the vocabulary.`);
  return c;
}

/** Concept ids of one slot. */
export function conceptsIn(slot: Slot): string[] {
  return CONCEPTS.filter((c) => c.slot === slot).map((c) => c.id);
}
