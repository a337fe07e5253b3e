import { addDays } from '../../core'

/**
 * The demo county's drafts: short 通知 and 方案 written for the demo, each asking its recipients
 * for something a 基层负担监测 module counts (weekly reports, 台账, meetings, 督查, 考核评比, APP
 * check-ins), with dates relative to the 成文日期. The seed runs the real engine on them: the
 * burden profiles in the demo are what the extension would have sent.
 */

export interface DraftContext {
  /** The 主送 line without its colon: 各乡镇（街道）、县直各单位 or 东山镇各村（社区）. */
  to: string
  issuer: string
  /** 成文日期, YYYY-MM-DD. */
  issued: string
  /** What the document is about, from the template's topics. */
  topic: string
}

export interface DraftTemplate {
  key: string
  docType: '通知' | '方案' | '函'
  topics: string[]
  title: (c: DraftContext) => string
  body: (c: DraftContext) => string[]
}

/** 10月20日: a day this many days after the 成文日期, in the words a 公文 uses. */
export const dayAfter = (c: DraftContext, days: number) => {
  const d = addDays(c.issued, days)
  return `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`
}
/** 12月底: the end of the month this many months after the 成文日期. */
export const monthEnd = (c: DraftContext, months: number) => `${((Number(c.issued.slice(5, 7)) - 1 + months) % 12) + 1}月底`
const signed = (c: DraftContext) => {
  const [y, m, d] = c.issued.split('-').map(Number)
  return [c.issuer, `${y}年${m}月${d}日`]
}

export const TEMPLATES: DraftTemplate[] = [
  {
    key: 'weekly-report',
    docType: '通知',
    topics: ['秋冬季森林防火', '农村人居环境整治', '耕地保护专项整治', '燃气安全排查'],
    title: (c) => `关于做好${c.topic}进展情况报送工作的通知`,
    body: (c) => [
      `${c.to}：`,
      `为及时掌握${c.topic}推进情况，现就有关事项通知如下。`,
      `一、各单位要在${monthEnd(c, 1)}前每周五报送本周工作进展情况和下周安排。`,
      `二、请于${dayAfter(c, 7)}前报送工作联系人名单。`,
      ...signed(c),
    ],
  },
  {
    key: 'ledger',
    docType: '通知',
    topics: ['防汛物资储备', '安全生产大检查', '食品安全排查', '信访积案化解'],
    title: (c) => `关于建立${c.topic}工作台账的通知`,
    body: (c) => [
      `${c.to}：`,
      `为推动${c.topic}工作落到实处，各单位要建立工作台账，逐项登记、动态更新。`,
      `请于${dayAfter(c, 10)}前将台账报县${c.topic.slice(0, 4)}工作专班，${monthEnd(c, 2)}前每月5日前更新一次。`,
      `各村（社区）要留存工作照片和签字记录备查。`,
      ...signed(c),
    ],
  },
  {
    key: 'meeting',
    docType: '通知',
    topics: ['全县乡村振兴工作推进会', '全县安全生产工作会议', '全县招商引资调度会', '全县民生实事推进会'],
    title: (c) => `关于召开${c.topic}的通知`,
    body: (c) => [
      `${c.to}：`,
      `经研究，定于${dayAfter(c, 5)}上午9时在县政府三楼会议室召开${c.topic}。`,
      `请各单位主要负责同志参加会议，并准备书面汇报材料，于${dayAfter(c, 3)}前报送县政府办公室。`,
      ...signed(c),
    ],
  },
  {
    key: 'inspection',
    docType: '通知',
    topics: ['重点项目建设', '河湖长制落实', '校园周边环境治理', '自建房安全整治'],
    title: (c) => `关于开展${c.topic}专项督查的通知`,
    body: (c) => [
      `${c.to}：`,
      `为推动${c.topic}各项任务落实，县里决定于${dayAfter(c, 14)}至${dayAfter(c, 21)}开展专项督查。`,
      `督查组将采取听取汇报、查阅资料、实地察看等方式进行，各单位要做好迎检准备。`,
      `请于${dayAfter(c, 10)}前报送自查报告。`,
      ...signed(c),
    ],
  },
  {
    key: 'ranking',
    docType: '方案',
    topics: ['美丽庭院创建', '文明村镇评选', '平安乡镇创建', '营商环境评价'],
    title: (c) => `${c.topic}考核评比实施方案`,
    body: (c) => [
      `${c.to}：`,
      `为推动${c.topic}工作，现制定本方案。`,
      `一、县里将对各乡镇（街道）${c.topic}工作进行考核评比，按得分排名，结果全县通报。`,
      `二、考核采取查阅资料和实地检查相结合的方式，于${monthEnd(c, 2)}前完成。`,
      `三、各单位于${dayAfter(c, 15)}前报送创建工作方案，并要在${monthEnd(c, 2)}前每月报送创建进展。`,
      ...signed(c),
    ],
  },
  {
    key: 'app-checkin',
    docType: '通知',
    topics: ['网格化巡查', '防溺水巡查', '护林巡山', '独居老人走访'],
    title: (c) => `关于加强${c.topic}工作的通知`,
    body: (c) => [
      `${c.to}：`,
      `为做实${c.topic}工作，现就有关要求通知如下。`,
      `一、${monthEnd(c, 1)}前各单位每日登录“青山治理”APP打卡签到，上传巡查照片。`,
      `二、各村（社区）要下载安装“青山治理”APP，确保注册率达到100%。`,
      `三、各单位要在${monthEnd(c, 1)}前每周报送巡查记录。`,
      ...signed(c),
    ],
  },
  {
    key: 'study',
    docType: '通知',
    topics: ['主题教育学习', '党纪学习教育', '法治宣传教育'],
    title: (c) => `关于深入开展${c.topic}的通知`,
    body: (c) => [
      `${c.to}：`,
      `为推动${c.topic}走深走实，各单位干部职工要下载“学习强县”APP，每日积分不低于30分。`,
      `各单位要在${monthEnd(c, 2)}前每月报送学习心得和学习笔记照片。`,
      `县里将对学习情况开展督查。`,
      ...signed(c),
    ],
  },
  {
    key: 'data-form',
    docType: '通知',
    topics: ['农村低收入人口', '返乡创业人员', '新型农业经营主体', '闲置农房'],
    title: (c) => `关于填报${c.topic}统计表的通知`,
    body: (c) => [
      `${c.to}：`,
      `为摸清${c.topic}底数，请各单位认真填写附件统计表，于${dayAfter(c, 6)}前报送电子版和盖章扫描件。`,
      `县统计局将对填报质量进行抽查。`,
      ...signed(c),
    ],
  },
  {
    key: 'light',
    docType: '通知',
    topics: ['元旦春节期间值班', '节假日安全提醒', '冬季取暖安全'],
    title: (c) => `关于做好${c.topic}工作的通知`,
    body: (c) => [
      `${c.to}：`,
      `${c.topic}工作事关群众安全，请各单位结合实际安排好人员，遇有紧急情况及时处置并报告。`,
      ...signed(c),
    ],
  },
  {
    key: 'campaign',
    docType: '方案',
    topics: ['城乡环境百日攻坚', '违法建设清零行动', '背街小巷整治'],
    title: (c) => `${c.topic}工作方案`,
    body: (c) => [
      `${c.to}：`,
      `为打好${c.topic}，现制定如下方案。`,
      `一、各单位要在${monthEnd(c, 3)}前每周报送整治清单和整治前后对比照片。`,
      `二、请各单位分管负责同志参加调度会议。`,
      `三、县督查室将对整治情况开展暗访督查，对进度靠后的单位进行通报排名。`,
      `四、各单位要建立整治台账，做到一点一档。`,
      ...signed(c),
    ],
  },
  {
    key: 'accompany',
    docType: '通知',
    topics: ['市级乡村振兴考核', '省级卫生县城复审', '市级安全生产巡查'],
    title: (c) => `关于做好迎接${c.topic}准备工作的通知`,
    body: (c) => [
      `${c.to}：`,
      `${c.topic}将于近期开展，请各单位于${dayAfter(c, 8)}前完成资料整理，按要求准备汇报材料。`,
      `检查期间，各乡镇主要负责同志全程陪同，不得外出。`,
      ...signed(c),
    ],
  },
  {
    key: 'pledge',
    docType: '通知',
    topics: ['安全生产责任', '禁毒工作责任', '耕地保护责任'],
    title: (c) => `关于签订${c.topic}书的通知`,
    body: (c) => [
      `${c.to}：`,
      `请各单位于${dayAfter(c, 7)}前与县里签订${c.topic}书，逐级签到村（社区）和户。`,
      `${c.topic.slice(0, 4)}工作实行一票否决，发生重大问题的单位年度考核不得评为优秀。`,
      ...signed(c),
    ],
  },
  {
    key: 'daily-report',
    docType: '通知',
    topics: ['疫病防控', '高温天气防范', '汛期安全'],
    title: (c) => `关于实行${c.topic}信息日报制度的通知`,
    body: (c) => [
      `${c.to}：`,
      `${c.topic}期间，各单位要在${monthEnd(c, 1)}前每日16时前报送当日工作情况，无情况实行零报告。`,
      ...signed(c),
    ],
  },
  {
    key: 'letter',
    docType: '函',
    topics: ['上半年工作总结', '十五五规划建议', '重点工作完成情况'],
    title: (c) => `关于报送${c.topic}的函`,
    body: (c) => [
      `${c.to}：`,
      `请于${dayAfter(c, 12)}前报送本单位${c.topic}，篇幅控制在3000字以内。`,
      ...signed(c),
    ],
  },
  {
    key: 'visit',
    docType: '通知',
    topics: ['困难群众走访慰问', '企业大走访', '矛盾纠纷大排查'],
    title: (c) => `关于开展${c.topic}活动的通知`,
    body: (c) => [
      `${c.to}：`,
      `各单位要组织干部开展${c.topic}，走访情况录入工作台账，并在“青山治理”APP上登记。`,
      `各单位要在${monthEnd(c, 1)}前每周三报送走访进度，县里将对走访情况开展督查。`,
      ...signed(c),
    ],
  },
]
