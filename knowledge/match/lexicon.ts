// How staff write versus how policies are written: text-speak, multi-word terms, families of
// words that mean the same thing here, and the words that carry no topic. General, not per question.

/** Text-speak and common misspellings → the word meant. */
export const TEXT_SPEAK: Record<string, string> = {
  cn: 'can', cud: 'could', cld: 'could', shud: 'should', shld: 'should', wud: 'would', u: 'you', ur: 'your', r: 'are',
  im: 'i am', ive: 'i have', id: 'i would', dont: 'do not', cant: 'can not', wont: 'will not', isnt: 'is not',
  pls: 'please', plz: 'please', fb: 'facebook', insta: 'instagram', ig: 'instagram', tt: 'tiktok', snap: 'snapchat',
  wa: 'whatsapp', twit: 'twitter', yt: 'youtube', skool: 'school', skul: 'school', scool: 'school', skl: 'school',
  pic: 'photo', pics: 'photos', piccy: 'photo', pix: 'photos', vid: 'video', vids: 'videos', msg: 'message',
  msgs: 'messages', dm: 'message', dms: 'messages', pm: 'message', txt: 'text', wot: 'what', wat: 'what', wht: 'what',
  abt: 'about', bout: 'about', b4: 'before', '2': 'to', '4': 'for', thx: 'thanks', ppl: 'people', mob: 'mobile',
  fone: 'phone', ph: 'phone', comp: 'computer', lappy: 'laptop', govs: 'governors', gov: 'governor', ht: 'headteacher',
  hod: 'manager', ta: 'assistant', tas: 'assistants', kidz: 'kids', frend: 'friend', freind: 'friend', frends: 'friends',
  freinds: 'friends', lunchtime: 'lunch', breaktime: 'break', hols: 'holidays', ok: 'okay', k: 'okay', ya: 'you', nursery: 'school', academy: 'school', federation: 'school',
  ex: 'former', expupil: 'former pupil', expupils: 'former pupils', exstudent: 'former student', selfie: 'photo',
  selfies: 'photos', screenshot: 'screen print', screenshots: 'screen prints', screengrab: 'screen print', sm: 'social media',
  socials: 'social media', ipad: 'tablet', ipads: 'tablets', iphone: 'phone', mum: 'parent', mums: 'parents', dad: 'parent',
  dads: 'parents', mam: 'parent', mom: 'parent', moms: 'parents', yr: 'year', yrs: 'years',
  messenger: 'facebook message', discord: 'socialmedia message', login: 'log in', info: 'information', convo: 'conversation',
};

/** "Year 4", "yr 6": a year group is pupils. */
const YEAR_GROUPS: [string, string][] = Array.from({ length: 13 }, (_, i) => [`year ${i + 1}`, 'pupil']);
/** "break the policy", "breaking this agreement": breaking a rule, not a rest break. */
const BREAKING: [string, string][] = ['break', 'breaks', 'breaking', 'broke', 'broken'].flatMap((v) =>
  ['this', 'these', 'that', 'our', 'any', 'a', 'my', 'their', 'its', 'policy', 'agreement', 'rules', 'code'].map((d): [string, string] => [`${v} ${d}`, 'breach']));

/**
 * "class blog", "a page for my class": the class's account, run for the school, not its pupils.
 * ("class WhatsApp" is the parents' group, and "photos of my class" the pupils: those stay as they are.)
 */
const CLASS_ACCOUNTS: [string, string][] = [
  ...(['blog', 'blogs', 'account', 'accounts', 'page', 'pages', 'website', 'site'] as const).map((n): [string, string] => [`class ${n}`, `schoolaccount ${n.startsWith('blog') ? 'socialmedia' : 'account'}`]),
  ...(['twitter', 'instagram', 'insta', 'facebook', 'tiktok', 'youtube'] as const).map((n): [string, string] => [`class ${n}`, `schoolaccount ${n === 'insta' ? 'instagram' : n}`]),
  ...['page', 'account', 'blog', 'site', 'website'].flatMap((n) => ['my', 'our', 'the'].map((d): [string, string] => [`${n} for ${d} class`, `schoolaccount ${n === 'blog' ? 'socialmedia' : 'account'}`])),
];

/** Multi-word terms read as one concept ("social media", "head teacher", "screen print"). */
export const PHRASES: [string, string][] = [
  ['social media', 'socialmedia'], ['social networking', 'socialmedia'], ['social network', 'socialmedia'],
  ['social networks', 'socialmedia'], ['networking site', 'socialmedia'], ['networking sites', 'socialmedia'],
  ['internet sites', 'socialmedia'], ['head teacher', 'head'], ['head teachers', 'head'], ['head of school', 'head'],
  ['executive headteacher', 'head'], ['rest break', 'restbreak'], ['rest breaks', 'restbreak'], ['lunch break', 'restbreak'],
  ['break time', 'restbreak'], ['break times', 'restbreak'], ['screen print', 'evidence'], ['screen prints', 'evidence'],
  ['screen shot', 'evidence'], ['friend request', 'friend'], ['friend requests', 'friend'], ['former pupil', 'expupil pupil'],
  ['former pupils', 'expupil pupil'], ['former student', 'expupil pupil'], ['former students', 'expupil pupil'],
  ['ex pupil', 'expupil pupil'], ['ex pupils', 'expupil pupil'], ['ex student', 'expupil pupil'], ['ex students', 'expupil pupil'],
  ['old pupil', 'expupil pupil'], ['old pupils', 'expupil pupil'], ['past pupil', 'expupil pupil'], ['past pupils', 'expupil pupil'],
  ['teaching assistant', 'staff'], ['teaching assistants', 'staff'], ['member of staff', 'staff'], ['members of staff', 'staff'],
  ['staff member', 'staff'], ['staff members', 'staff'], ['line manager', 'linemanager'], ['line managers', 'linemanager'],
  ['designated safeguarding lead', 'dsl'], ['designated safeguarding leads', 'dsl'], ['designated safeguarding officer', 'dsl'],
  ['child protection', 'safeguard'], ['local authority designated officer', 'lado'], ['leadership team', 'slt'],
  ['senior leader', 'slt'], ['senior leadership', 'slt'], ['senior leaders', 'slt'], ['privacy settings', 'privacy'],
  ['security settings', 'privacy'], ['working time', 'worktime'], ['work time', 'worktime'], ['working hours', 'worktime'],
  ['school time', 'worktime'], ['school hours', 'worktime'], ['direct message', 'message'], ['direct messaging', 'message'],
  ['home address', 'personalinfo'], ['phone number', 'personalinfo'], ['telephone number', 'personalinfo'],
  ['contact details', 'personalinfo'], ['personal information', 'personalinfo'], ['personal details', 'personalinfo'],
  ['take down', 'remove'], ['taken down', 'remove'], ['young person', 'pupil'], ['young people', 'pupil'],
  ['school logo', 'logo'], ['school name', 'schoolname'], ['data protection', 'dataprotection'], ['e mail', 'email'],
  ['trade union', 'union'], ['out of school', 'outside'], ['outside school', 'outside'], ['own time', 'outside'],
  ['personal time', 'outside'], ['at home', 'outside home'], ['prior permission', 'approve'], ['third party', 'thirdparty'],
  ['minimum age', 'age'], ['under 18', 'age'], ['over 18', 'age'], ['age of 18', 'age'], ['put online', 'post'],
  ['class page', 'schoolaccount'], ['school page', 'schoolaccount'], ['school account', 'schoolaccount'],
  ['school accounts', 'schoolaccount'], ['school site', 'schoolaccount'], ['official site', 'schoolaccount'],
  ['official sites', 'schoolaccount'], ['school twitter', 'schoolaccount twitter'], ['school facebook', 'schoolaccount facebook'],
  ['school instagram', 'schoolaccount instagram'], ['school social media', 'schoolaccount socialmedia'],
  ['school computer', 'schooldevice device'], ['school computers', 'schooldevice device'], ['school laptop', 'schooldevice device'],
  ['school laptops', 'schooldevice device'], ['school device', 'schooldevice device'], ['school devices', 'schooldevice device'],
  ['school equipment', 'schooldevice device'], ['school ict', 'schooldevice device'], ['school phone', 'schooldevice device'],
  ['school tablet', 'schooldevice device'], ['school network', 'schooldevice'], ['work laptop', 'schooldevice device'],
  ['work computer', 'schooldevice device'], ['work phone', 'schooldevice device'], ['school ipad', 'schooldevice device'],
  ['school email', 'schoolemail email'], ['official school email', 'schoolemail email'], ['work email', 'schoolemail email'],
  ['personal email', 'personal email'], ['personal phone number', 'personal personalinfo device'], ['personal mobile number', 'personal personalinfo device'], ['personal phone', 'personal device'], ['set up', 'create'], ['talk about', 'mention'], ['talking about', 'mention'], ['speak about', 'mention'],
  ['write about', 'mention post'], ['post about', 'post mention'], ['posting about', 'post mention'],
  ['necessarily reflect', 'disclaimer'], ['views are my own', 'disclaimer'], ['mine alone', 'disclaimer'], ['views are mine', 'disclaimer'],
  ['come across', 'aware'], ['said no', 'optout'], ['say no', 'optout'], ['says no', 'optout'], ['asks not to', 'optout'],
  ['asked not to', 'optout'], ['ask not to', 'optout'], ['opted out', 'optout'], ['opt out', 'optout'], ['refused consent', 'optout'],
  ['not given consent', 'optout'], ['withdrawn consent', 'optout'], ['withdrew consent', 'optout'], ['must not be published', 'optout'],
  ['not be photographed', 'optout'], ['not to be photographed', 'optout'], ['not be filmed', 'optout'], ['no photo', 'optout'],
  ['no photos', 'optout'], ['do not want', 'optout'], ['dont want', 'optout'], ['about me', 'staff'], ['work hours', 'worktime'], ['working day', 'worktime'],
  ['in lessons', 'worktime'], ['during lessons', 'worktime'], ['code of conduct', 'conduct'], ['codes of conduct', 'conduct'],
  ['break the', 'breach'], ['breaking the', 'breach'], ['broke the', 'breach'], ['broken the', 'breach'], ['break this', 'breach'],
  ['sports day', 'event'], ['school trip', 'event'], ['school trips', 'event'], ['lesson plans', 'material'],
  ['mobile number', 'personalinfo device'], ['mobile numbers', 'personalinfo device'], ['look at', 'access'], ['go on', 'access'], ['keep records', 'evidence'], ['keep a record', 'evidence'], ['keep evidence', 'evidence'], ['not clear', 'aware'], ['prevent duty', 'radical'], ['channel referral', 'radical'], ['channel referrals', 'radical'], ['setting up', 'create'],
  ['at work', 'worktime'], ['directed time', 'worktime'], ['pupils are present', 'worktime'], ['children are present', 'worktime'],
  ['log in', 'access'], ['log into', 'access'], ['log on', 'access'], ['logging into', 'access'], ['logged into', 'access'], ['logging in', 'access'],
  ['work for', 'employment school'], ['work at', 'employment school'], ['works for', 'employment school'], ['working for', 'employment school'],
  ['working at', 'employment school'], ['where i work', 'employment school'], ['follow this', 'comply'], ['follow the', 'comply'], ['follow these', 'comply'],
  ['follow our', 'comply'], ['follow it', 'comply'], ['messaging app', 'message socialmedia'], ['messaging apps', 'message socialmedia'],
  ['not sure', 'query'], ['school name', 'schoolname name'], ['name of the school', 'schoolname name'],
  ...YEAR_GROUPS, ...BREAKING, ...CLASS_ACCOUNTS,
];

/** Families of words that mean the same thing in these questions: every surface form → its concept terms. */
export const FAMILIES: [string, string[]][] = [
  ['friend', ['mate', 'mates', 'pal', 'pals', 'friend', 'friends', 'befriend', 'befriending', 'befriended', 'follow', 'follows', 'following', 'followed', 'follower', 'followers', 'add', 'adding', 'added', 'connection', 'connections', 'friendship', 'friendships', 'accept', 'accepting', 'subscriber']],
  ['parent', ['parent', 'parents', 'carer', 'carers', 'guardian', 'guardians', 'stakeholder', 'stakeholders', 'mother', 'father', 'mum', 'mums', 'dad', 'dads', 'mam', 'mom', 'moms']],
  ['parent relative', ['family', 'families']],
  ['relative', ['related', 'relative', 'relatives', 'cousin', 'cousins', 'sibling', 'siblings', 'brother', 'sister']],
  // A staff member's or parent's own child, niece or grandchild is, at school, a pupil too.
  ['relative pupil', ['niece', 'nieces', 'nephew', 'nephews', 'son', 'sons', 'daughter', 'daughters', 'grandchild', 'grandson', 'granddaughter', 'stepson', 'stepdaughter']],
  ['media', ['media', 'journalist', 'journalists', 'press', 'newspaper', 'newspapers', 'reporter', 'reporters', 'tv', 'radio']],
  ['access', ['access', 'accessing', 'accessed', 'look', 'looking', 'browse', 'browsing', 'view', 'viewing', 'visit', 'visiting', 'check', 'checking', 'scroll', 'scrolling', 'go']],
  ['breach', ['breach', 'breaches', 'breached', 'breaching', 'violate', 'violation', 'contravene', 'misconduct']],
  ['query', ['question', 'questions', 'query', 'queries', 'doubt', 'doubts']],
  ['moderate', ['moderate', 'moderated', 'moderating', 'moderation', 'moderator', 'moderators', 'administrator', 'administrators', 'admin', 'admins']],
  ['respond', ['respond', 'responded', 'responding', 'response', 'responses', 'reply', 'replies', 'replied', 'replying', 'answer', 'answered', 'answering']],
  ['event', ['event', 'events', 'activity', 'activities', 'trip', 'trips', 'concert', 'concerts', 'nativity', 'assembly', 'assemblies', 'performance', 'play', 'disco', 'fete']],
  ['cite', ['cite', 'citing', 'cited', 'credit', 'crediting', 'acknowledge', 'acknowledging', 'attribute']],
  ['material', ['material', 'materials', 'resource', 'resources', 'worksheet', 'worksheets', 'flyer', 'flyers', 'poster', 'posters', 'leaflet', 'leaflets', 'newsletter', 'newsletters']],
  ['monitor', ['monitor', 'monitored', 'monitoring', 'watch', 'watched', 'track', 'tracked']],
  ['personal email', ['gmail', 'hotmail', 'yahoo', 'outlook']],
  ['account name', ['bio', 'handle', 'username', 'usernames']],
  ['personalinfo', ['number', 'numbers']],
  ['pupil', ['pupil', 'pupils', 'child', 'children', 'student', 'students', 'kid', 'kids', 'learner', 'learners', 'girl', 'girls', 'boy', 'boys', 'youngster', 'youngsters', 'class']],
  ['expupil', ['alumni', 'leaver', 'leavers']],
  ['photo', ['photo', 'photos', 'photograph', 'photographs', 'photographed', 'photography', 'picture', 'pictures', 'image', 'images', 'imagery', 'video', 'videos', 'film', 'filmed', 'filming', 'footage', 'recording', 'recordings']],
  ['socialmedia facebook', ['facebook', 'meta']],
  ['socialmedia instagram', ['instagram']],
  ['socialmedia tiktok', ['tiktok']],
  ['socialmedia snapchat', ['snapchat']],
  ['socialmedia twitter', ['twitter', 'tweet', 'tweets', 'tweeting', 'x']],
  ['socialmedia whatsapp message', ['whatsapp']],
  ['socialmedia linkedin', ['linkedin']],
  ['socialmedia youtube', ['youtube']],
  ['socialmedia', ['myspace', 'bebo', 'flickr', 'tumblr', 'blog', 'blogs', 'blogging', 'forum', 'forums', 'online', 'internet', 'web', 'website', 'websites', 'platform', 'platforms']],
  ['device', ['phone', 'phones', 'mobile', 'mobiles', 'tablet', 'tablets', 'laptop', 'laptops', 'computer', 'computers', 'pc', 'device', 'devices', 'equipment', 'ict', 'palm', 'hand', 'telephone', 'telephones', 'ipad', 'ipads', 'iphone', 'chromebook', 'chromebooks']],
  ['restbreak', ['lunch', 'lunchtimes', 'lunchtime', 'break', 'breaks', 'breaktime']],
  ['message interact', ['ring', 'ringing', 'rang', 'rung', 'call', 'calling', 'message', 'messages', 'messaging', 'messaged', 'chat', 'chatting', 'text', 'texts', 'texting', 'inbox']],
  ['inappropriate', ['inappropriate', 'inappropriately', 'unsuitable', 'improper', 'unacceptable']],
  ['abuse inappropriate', ['nasty', 'horrible', 'unkind', 'mean', 'vile']],
  ['aware', ['aware', 'seen', 'see', 'sees', 'saw', 'notice', 'noticed', 'spotted', 'found', 'find', 'discover', 'discovered', 'know', 'unsure']],
  ['concern', ['concern', 'concerned', 'concerns', 'worried', 'worry', 'uncomfortable', 'uneasy', 'upset', 'distress', 'distressed']],
  ['mention', ['mention', 'mentioning', 'mentioned', 'refer', 'referring', 'reference', 'references', 'referencing', 'discuss', 'discussing', 'discussion', 'comment', 'comments', 'commenting', 'commented']],
  ['interact', ['contact', 'contacting', 'contacted', 'communicate', 'communicating', 'communication', 'communications', 'interact', 'interacting', 'interaction', 'interactions', 'engage', 'engaging', 'talk', 'talking', 'speak', 'converse', 'conversation', 'conversations', 'correspond']],
  ['post', ['post', 'posts', 'posting', 'posted', 'publish', 'publishing', 'published', 'upload', 'uploading', 'uploaded', 'share', 'sharing', 'shared', 'put', 'entries', 'entry', 'content', 'thread', 'threads', 'write', 'writes', 'writing']],
  ['logo', ['logo', 'logos', 'brand', 'branding', 'badge', 'crest']],
  ['head', ['headteacher', 'headteachers', 'head', 'principal', 'heads']],
  ['privacy', ['privacy', 'private', 'locked', 'visible', 'restrict', 'restricted']],
  ['criticise', ['criticise', 'criticising', 'criticism', 'critical', 'moan', 'moaning', 'moans', 'rant', 'ranting', 'rants', 'vent', 'venting', 'whinge', 'whinging', 'bitch', 'bitching', 'grievance', 'grievances', 'negative', 'slag', 'aggrieved']],
  ['criticise concern', ['complain', 'complaining', 'complained', 'complaint', 'complaints']],
  ['abuse', ['abuse', 'abusive', 'bully', 'bullying', 'bullied', 'cyberbullying', 'cyberbullied', 'cyberbully', 'harass', 'harassment', 'harassing', 'troll', 'trolling', 'trolled', 'threat', 'threats', 'threatening', 'intimidate']],
  ['defame', ['defamatory', 'defamation', 'defame', 'libel', 'libellous', 'slander', 'lies', 'lying', 'false', 'untrue', 'misleading', 'rumour', 'rumours']],
  ['report', ['report', 'reported', 'reporting', 'tell', 'inform', 'informed', 'notify', 'notified', 'alert', 'raise', 'raised', 'referral', 'declare', 'declared']],
  ['approve', ['permission', 'approval', 'approve', 'approved', 'consent', 'authorise', 'authorised', 'authorisation', 'sanction', 'sanctioned', 'agreed']],
  ['staff', ['staff', 'teacher', 'teachers', 'employee', 'employees', 'adult', 'adults', 'assistant', 'assistants', 'volunteer', 'volunteers', 'everyone']],
  ['colleague', ['colleague', 'colleagues', 'coworker', 'coworkers', 'workmate', 'workmates']],
  ['police', ['police', 'crime', 'criminal', 'illegal', 'unlawful']],
  ['offensive', ['racist', 'racism', 'homophobic', 'discriminatory', 'discrimination', 'offensive', 'offence', 'hate', 'insult', 'insults', 'insulting', 'derogatory', 'rude', 'obscene']],
  ['indecent', ['indecent', 'nude', 'nudes', 'naked', 'pornography', 'porn', 'explicit', 'sexual', 'sexting']],
  ['radical', ['radicalisation', 'radicalise', 'radicalised', 'extremism', 'extremist', 'extremists', 'terrorism', 'terrorist', 'terrorists']],
  ['safeguard', ['safeguarding', 'safeguard', 'dsl', 'grooming', 'groomed']],
  ['lado', ['lado']], ['allegation', ['allegation', 'allegations', 'allege', 'alleged', 'disclosure', 'disclose']],
  ['evidence', ['evidence', 'screenshot', 'screenshots', 'records', 'record', 'recorded']],
  ['remove', ['remove', 'removed', 'removal', 'removing', 'delete', 'deleted', 'deleting']],
  ['email', ['email', 'emails', 'emailing', 'emailed']],
  ['personal', ['personal', 'own']],
  ['confidential', ['confidential', 'confidentiality', 'sensitive', 'secret']],
  ['disclaimer', ['disclaimer', 'disclaimers']],
  ['account', ['account', 'accounts', 'page', 'pages', 'profile', 'profiles', 'site', 'sites', 'group', 'groups', 'webspace', 'channel']],
  ['governor', ['governor', 'governors', 'trustee', 'trustees']],
  ['create', ['create', 'creating', 'creation', 'created', 'start', 'launch', 'open', 'opening']],
  ['disrepute', ['disrepute', 'reputation', 'reputational', 'embarrass', 'embarrassment']],
  ['tag', ['tag', 'tagged', 'tagging']],
  ['name', ['name', 'names', 'named', 'naming', 'identify', 'identifying', 'identified', 'identifiable']],
  ['political', ['political', 'politics', 'campaign', 'campaigns']],
  ['copyright', ['copyright', 'copyrighted']],
  ['ceop', ['ceop']],
  ['comply', ['comply', 'complies', 'compliance', 'adhere', 'adhered', 'abide']],
  ['linemanager', ['manager', 'managers']],
  ['employment', ['employment', 'employer', 'job', 'jobs', 'workload', 'career', 'careers']],
  ['discipline', ['disciplinary', 'discipline', 'dismissal', 'dismiss', 'dismissed', 'sacked', 'sack', 'sacking', 'fired']],
  ['risk', ['risk', 'risks', 'harm', 'harmed', 'harming', 'hurt', 'hurting', 'danger', 'dangerous', 'unsafe']],
  ['commercial', ['commercial', 'sell', 'selling', 'sales', 'shop', 'shops', 'etsy', 'ebay', 'vinted']],
  ['high', ['high', 'higher', 'highest', 'strongest', 'maximum', 'tightest', 'strictest']],
  ['send', ['send', 'sends', 'sending', 'sent']],
  ['gaming socialmedia', ['gaming', 'game', 'games', 'fortnite', 'roblox', 'minecraft', 'xbox', 'playstation']],
];

/** Words that carry no topic: function words, question forms and the policy's own modal words. */
export const STOPWORDS = new Set(
  (
    'a an the and or but if then than so of to in on at by for from with without about into onto over under up down out as is are ' +
    'was were be been being am do does did doing done have has had having can could may might must shall should will would ' +
    'not no nor never ever yes it its it\'s this that these those there here what which who whom whose when where why how ' +
    'you your yours he she they them their theirs his her our ours us any all some each every other such only also just very ' +
    'really too allowed allow permitted permit ok okay alright fine able want wanting wanted need needs needed please go going ' +
    'get getting got let lets make makes making use using used uses thing things something anything anyone someone somebody ' +
    'one okay well still even way like would whether while whilst within however therefore etc e g i.e eg ie via per upon ' +
    'against again further once both few more most same own-it happen happens happened else sure know think thanks hi hello ' +
    'dear i me my myself we mine said say says saying apply applies applied keep keeps kept ' +
    'between among amongst through across around before after since until onto into towards toward near far ' +
    'seem seems try trying tried tells give gives giving gave take takes taking took bring find finds ' +
    'much many lot lots little big small good bad best better worst new old same different kind sort type ' +
    'today tomorrow yesterday now soon later often sometimes usually always ever yet already ' +
    'yes yeah hey guys folks thank cheers just actually basically literally maybe perhaps probably ' +
    'happen happens happened happening gone goes went come comes came became become ' +
    'whats wheres whos hows whens im ive id youre theyre thats theres isnt arent wasnt dont doesnt didnt cant couldnt shouldnt wouldnt wont ' +
    'anybody everybody nobody nothing everything somewhere anywhere everywhere someone else another ask asking asked left ' +
    // Incidental words of how staff write, with no topic: a question should not go unanswered for them.
    'during him hers himself herself themselves yourself someones somebodys elses anyones everyones caught long stay staying ' +
    'quick quickly bit okay since ago tho though although wondering wonder wondered reckon guess mean means meant suppose supposed ' +
    'exactly certain particular case situation reason cos coz because year years funny silly nice'
  ).split(/\s+/),
);

/** Families whose concepts are alternatives, not a sum: a clause with either answers for the word once. */
export const ALTERNATIVES = new Set(['employment school', 'post mention', 'mention post', 'relative pupil', 'criticise concern', 'abuse inappropriate', 'parent relative', 'gaming socialmedia']);

/** Alternatives whose later concepts are a second reading of the word ("nephew" is a relative first, a pupil second). */
export const SECOND_READINGS = new Set(['relative pupil', 'parent relative']);

/** Words about whom, not what: kept for the subject but weighed lightly. */
export const LIGHT_TERMS = new Set(['access', 'staff', 'socialmedia', 'school', 'policy', 'polici', 'account', 'personal', 'post', 'interact']);

/** Named platforms: instances of social media, so naming one should not outweigh the topic of the question. */
export const INSTANCE_TERMS = new Set(['facebook', 'instagram', 'tiktok', 'snapchat', 'twitter', 'whatsapp', 'linkedin', 'youtube']);

/** Concepts naming a group of people; a clause mostly about another group fits the question less. */
export const PARTY_TERMS = new Set(['parent', 'pupil', 'expupil', 'colleague', 'governor']);

/** Terms a phrase adds on top of its head word ("school computer" → schooldevice + device): weighed half. */
export const COMPOUND_TERMS = new Set(['schooldevice', 'schoolaccount', 'schoolemail', 'schoolname']);

/** A specific concept and the broader one a clause may use instead ("message" → "communicate"): partial credit. */
export const BROADER: Record<string, string> = {
  message: 'interact', friend: 'interact', expupil: 'pupil', schooldevice: 'device', schoolaccount: 'account', schoolemail: 'email',
};
