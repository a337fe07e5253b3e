import type { OrgUnit, PlanItem, RecipientAlias } from '../../core'

/** 青山县, the demo county: its townships, the villages of some of them, and the 县直部门. */
export const COUNTY = '青山县'

export const TOWNSHIPS = ['城关街道', '新桥街道', '东山镇', '西河镇', '南岭镇', '北坡镇', '石门镇', '清溪镇', '白沙镇', '桃源乡', '龙潭乡', '枫林乡']

/** Villages and communities, by township: eight townships keep theirs in the registry. */
export const VILLAGES: Record<string, string[]> = {
  城关街道: ['文昌社区', '南门社区', '北门社区', '河滨社区', '朝阳社区', '建设社区', '育才社区', '解放社区'],
  东山镇: ['东山村', '柳塘村', '茶园村', '石桥村', '大坪村', '枫树村', '荷花村'],
  西河镇: ['西河村', '沙洲村', '杨柳村', '白鹭村', '新塘村', '金竹村', '黄泥村'],
  石门镇: ['石门村', '龙泉村', '上坪村', '下坪村', '竹山村', '罗家村', '田心村', '岩口村'],
  清溪镇: ['清溪村', '长冲村', '桐木村', '双江村', '梅花村', '杉木村', '高峰村'],
  桃源乡: ['桃源村', '李家村', '溪口村', '凤凰村', '松林村', '塘坝村', '新屋村'],
  南岭镇: ['南岭村', '坳上村', '古井村', '寨下村', '牛角村', '竹园村', '花桥村'],
  白沙镇: ['白沙村', '江边村', '渡口村', '石板村', '青龙村', '向阳村', '红星村', '水口村'],
}

/** 县直部门 and the kind of issuer each is, for the quotas per kind. */
export const DEPARTMENTS: Array<[string, string]> = [
  ['县委办公室', '党委部门'],
  ['县委组织部', '党委部门'],
  ['县委宣传部', '党委部门'],
  ['县委政法委员会', '党委部门'],
  ['县政府办公室', '政府部门'],
  ['县农业农村局', '政府部门'],
  ['县应急管理局', '政府部门'],
  ['县教育局', '政府部门'],
  ['县卫生健康局', '政府部门'],
  ['县自然资源局', '政府部门'],
  ['县住房和城乡建设局', '政府部门'],
  ['县生态环境局', '政府部门'],
  ['县民政局', '政府部门'],
  ['县统计局', '政府部门'],
  ['县水利局', '政府部门'],
  ['县市场监督管理局', '政府部门'],
  ['县乡村振兴领导小组办公室', '议事协调机构'],
  ['县安全生产委员会办公室', '议事协调机构'],
  ['县城乡环境整治指挥部办公室', '议事协调机构'],
  ['县森林防火指挥部办公室', '议事协调机构'],
]

export const COORDINATION = '议事协调机构'

export function demoRegistry(): OrgUnit[] {
  return [
    { name: COUNTY, level: 'county', parent: null, issuerKind: null },
    ...TOWNSHIPS.map((name): OrgUnit => ({ name, level: 'township', parent: COUNTY, issuerKind: null })),
    ...Object.entries(VILLAGES).flatMap(([town, names]) => names.map((name): OrgUnit => ({ name, level: 'village', parent: town, issuerKind: null }))),
    ...DEPARTMENTS.map(([name, issuerKind]): OrgUnit => ({ name, level: 'department', parent: COUNTY, issuerKind })),
  ]
}

/** 主送 wordings the engine cannot map by itself, as an admin would enter them. */
export function demoAliases(): RecipientAlias[] {
  return [
    { phrase: '各乡镇人民政府', units: TOWNSHIPS.filter((t) => !t.endsWith('街道')), level: null, parent: null },
    { phrase: '各街道办事处', units: TOWNSHIPS.filter((t) => t.endsWith('街道')), level: null, parent: null },
    { phrase: '城区各社区', units: VILLAGES['城关街道']!, level: null, parent: null },
    { phrase: '县安委会各成员单位', units: ['县应急管理局', '县住房和城乡建设局', '县教育局', '县市场监督管理局', '县农业农村局', '县水利局'], level: null, parent: null },
    { phrase: '县森防指成员单位', units: ['县自然资源局', '县应急管理局', '县农业农村局', '县民政局'], level: null, parent: null },
  ]
}

/** The year's approved 督查检查考核 items; some of the demo drafts deploy activities outside it. */
export function demoPlan(year: number): PlanItem[] {
  const item = (name: string, kind: PlanItem['kind'], lead: string, from: string, to: string, n: number, keywords: string[]): PlanItem => ({
    name,
    kind,
    lead,
    targets: '各乡镇（街道）',
    from: `${year}-${from}`,
    to: `${year}-${to}`,
    approval: `青督备〔${year}〕${n}号`,
    keywords,
  })
  return [
    item('重点项目建设专项督查', '督查', '县委办公室', '03-01', '11-30', 1, ['重点项目建设']),
    item('安全生产大检查', '检查', '县安全生产委员会办公室', '04-01', '12-31', 2, ['安全生产大检查', '安全生产']),
    item('乡村振兴实绩考核', '考核', '县乡村振兴领导小组办公室', '11-01', '12-31', 3, ['乡村振兴考核', '乡村振兴实绩']),
    item('河湖长制落实情况督查', '督查', '县水利局', '05-01', '09-30', 4, ['河湖长制']),
    item('美丽庭院创建', '创建', '县城乡环境整治指挥部办公室', '03-01', '12-31', 5, ['美丽庭院']),
    item('平安乡镇创建', '创建', '县委政法委员会', '01-01', '12-31', 6, ['平安乡镇']),
    item('森林防火责任落实检查', '检查', '县森林防火指挥部办公室', '10-01', '12-31', 7, ['森林防火']),
    item('营商环境评价', '评比', '县市场监督管理局', '06-01', '12-31', 8, ['营商环境']),
  ]
}
