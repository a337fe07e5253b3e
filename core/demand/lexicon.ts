/**
 * Cue patterns for reading demands. Linguistic knowledge of the register, not policy: which
 * demands count as a burden is policy and lives in the rule set (`demand`).
 */

export type DemandKind =
  | 'report'
  | 'ledger'
  | 'proof'
  | 'checkin'
  | 'form'
  | 'pledge'
  | 'veto'
  | 'accompany'
  | 'meeting'
  | 'inspection'
  | 'app'
  | 'material'

export type Frequency = 'daily' | 'weekly' | 'tenday' | 'halfmonth' | 'monthly' | 'quarterly' | 'halfyear' | 'yearly' | 'periodic' | 'realtime'

/** What is asked, most specific first: the first kind whose pattern matches a clause wins there. */
export const KIND_PATTERNS: Array<[DemandKind, RegExp]> = [
  ['veto', /一票否决/u],
  ['pledge', /(?:签订|签署|层层签|签)[^，。；]{0,10}(?:责任状|责任书|承诺书|保证书|军令状)|(?:责任状|责任书|承诺书|军令状)/u],
  ['checkin', /打卡|签到|(?:位置|实时|共享|GPS)定位|定位打卡|考勤|轨迹/u],
  ['proof', /(?:拍照|照片|截图|截屏|录像|影像资料|影像|视频资料|视频素材|图片资料|图片素材|现场图片|佐证|痕迹)(?:材料|资料)?/u],
  ['app', /(?:下载|安装|注册|使用|关注|登录)[^，。；]{0,8}(?:APP|App|app|客户端|小程序|公众号)|工作群|微信群|接龙|(?:APP|App|小程序)[^，。；]{0,6}(?:上报|填报|打卡|签到)/u],
  ['ledger', /(?<!资产(?:登记)?(?:管理)?|执法|案卷)台账|建档(?!立卡)|建立档案|(?<!执法全?过?程?)留痕|登记簿|工作日志|记录本/u],
  ['form', /填表|报表|报数|(?:填写|更新|维护|填报)[^，。；]{0,14}(?:表格|报表|[统登记汇总明细一览情况]表|表单|名册)|统计表/u],
  ['accompany', /陪同|陪检|陪会|迎检/u],
  ['material', /(?:汇报|书面|专题|经验|迎检|展板|宣传)材料|(?:汇报|迎检)(?:PPT|ppt|视频|展板)/u],
  ['report', /(?<!听取[^，。；]{0,10})(?:报送|上报|报告|汇报|填报|上传|反馈|提交|报备|备案)/u],
  ['inspection', /督查|督导|检查|考核|评比|排名|通报|暗访|巡查|验收|评估|打分|测评/u],
  ['meeting', /(?:召开|参加|列席|出席|组织)[^，。；]{0,14}(?:会议|会)|例会|调度会|推进会|座谈会|视频会/u],
]

/** How each frequency reads in a message (每周报送). */
export const FREQUENCY_LABEL: Record<string, string> = {
  daily: '每天', weekly: '每周', tenday: '每旬', halfmonth: '每半月', monthly: '每月', quarterly: '每季度',
  halfyear: '每半年', yearly: '每年', periodic: '定期', realtime: '随时',
}

export const FREQUENCY_PATTERNS: Array<[Frequency, RegExp]> = [
  ['daily', /每日|每天|逐日|每晚|每早|日报|一日一报|一天一报|日报告|每个工作日/u],
  ['weekly', /每周|每星期|周报|一周一报|每礼拜|按周/u],
  ['tenday', /每旬|旬报|一旬一报/u],
  ['halfmonth', /每半月|半月一报|每半个月/u],
  ['monthly', /每月|月报|按月|逐月|一月一报|每个月/u],
  ['quarterly', /每季度?|季报|按季度?|每个季度|一季一报/u],
  ['halfyear', /每半年|半年一报|每年两次/u],
  ['yearly', /每年|年报|按年|一年一报|每一年度|年度/u],
  ['realtime', /实时|随时|第一时间/u],
  ['periodic', /定期|不定期|经常性/u],
]

/**
 * Who is asked. A lower-level actor is a unit below the issuer or the addressees; the issuer
 * speaking of itself, equipment, and regulated enterprises or citizens are not asked for paperwork.
 */
export const LOWER_ACTOR =
  /各(?:地|地区|市|州|县|区|县（市、区）|县（市）|乡镇|乡|镇|街镇|街道|村|社区|单位|部门|级|有关单位|有关部门|成员单位|责任单位|学校|医院|站所|网格)|基层|下级|村（社区）|乡镇（街道）|镇（街道）|村级|社区|乡镇|街道|村委会|居委会|村干部|网格员|驻村|包村|责任单位|牵头单位|成员单位|县级以下|区县|县区|市县|县（市、区）/u

/** The issuer speaking of itself (本局每周开展一次巡查). */
export const ISSUER_ACTOR = /^(?:(?:市|县|区|省|州|自治区|乡|镇)[^，。；、各]{0,8}?(?:局|委员会|委|办公室|办|厅|中心)(?![^，。；]{0,3}各)|本(?:局|部|委|办|厅|院|中心|机关|单位|级)|我(?:局|部|委|办|厅|院|市|县|区|省|镇|乡|们|中心)|市政府|县政府|区政府|省政府|国务院|党中央|中央)/u

/** Devices and systems are not people: 安装在线监测设备 asks nothing of a clerk. */
export const EQUIPMENT = /(?:安装|配备|接入|联网)[^，。；]{0,12}(?:设备|装置|探头|系统|仪|监控)|自动(?:采集|生成|推送|上传)|在线监测|系统(?:自动|直接)/u

/** Market entities and citizens under regulation, as the subject of the clause: not lower offices. */
export const REGULATED =
  /^(?:各|全体|相关|有关|重点|辖区|本市|全市)?[^，。；的]{0,8}?(?:企业|生产经营单位|经营者|经营主体|市场主体|投资主体|业主|物业|个人|公民|群众|申请人|当事人|纳税人|从业人员|运营单位|建设单位|施工单位|排污单位|用人单位)(?:要|须|应当|应|必须|将|在|于|每|按|定期|及时|均|可)/u

/** Markers before a unit name that make it the recipient, not the actor: 向市政府报送. */
export const RECIPIENT_BEFORE = /(?:向|至|给|报|送|交|抄|由)$/u
/** 由各乡镇报送: 由 marks the actor. */
export const AGENT_BEFORE = /由$/u

export const REQUIRE =
  /要求|务必|必须|须|需要|需(?!求)|应当|(?<![响相适供反对效呼感顺])应(?![急用对答变诉邀聘收付届])|(?<![重主需纪摘提首必只简])要(?![素点件害闻员案])|(?<![申提邀聘恳])请(?![示求])|一律|确保|按时|督促|责成|限期/u
export const PERMIT = /鼓励|可以|可|支持|引导|允许|自愿|提倡|视情/u
export const FORBID =
  /不得|严禁|禁止|不准|不能|不应|严格控制|只报一次|不再|不要求|不搞|不以|不需|无需|不必|不允许|杜绝|避免|防止|取消|减少|精简|压减|压缩|合并|整合|清理|叫停|纠正|整治|力戒|破除|停止|不另行|减轻|不实行|不建立|不要|免于|不列入|不纳入|暂停|一律不|原则上不|共享|复用|不重复/u
export const DONE =
  /已经|已|均已|累计|先后|共有|完成了|实现了|建立了|开展了|组织了|召开了|去年|上年|前年|过去|近年来|近年|以来|曾|此前|截至|截止|有的|个别|部分单位|发现|通报了/u
/**
 * A sentence about the burden itself — criticising it or cutting it — demands nothing, wherever
 * the cue stands: 推行“一表通”，减少基层填表报数; 基层干部打卡留痕忙不停.
 */
export const ABOUT_BURDEN =
  /减少|减轻|减负|精简|压减|只报一次|一次采集|多方共享|负担|形式主义|疲于应付|文山会海|顽瘴痼疾|奇葩|负面清单|一律取消|不再|过度|只安排|仅安排/u

/** Clause-initial names of offices and groups: the issuer or a peer acting, not the lower levels. */
export const NAMED_OFFICE = /^[^，。；、各]{2,20}?(?:办公室|领导小组|工作小组|小组|指挥部|联席会议)(?![^，。；]{0,3}各)/u

/** One-off report verbs followed by a normal deadline are not a burden; this reads the deadline. */
export const DEADLINE =
  /(?:(?:\d{4}|[〇○零一二三四五六七八九]{4})年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日(?:（[^）]{1,6}）|\([^)]{1,6}\))?(?:[上下]午|\d{1,2}[:：]\d{2}|\d{1,2}时)?(?:前|之前|以前)|当天|当日|即日|次日|翌日|(?:\d{1,2}|[一二三四五六七八九十两半])个?(?:工作日|自然日|日|天)内|(?:\d{1,3}|[一二三四五六七八九十两半]{1,3})个?小时内|月底前|年底前|季度末前?/u

/** An imperative clause: it opens with a frequency or an action, no subject before it. */
export const IMPERATIVE_OPEN = /^(?:每[日天周月季年旬]|定期|按[日周月季年]|逐[日月]|及时|按时|认真|严格|统一|于|在|并|同时|建立|落实|做好|组织|开展|填写|报送|上报|收集|整理|拍摄|上传|签订|参加|召开)/u
