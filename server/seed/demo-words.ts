import type { Module } from '../../core'

/** The demo's own words: 直报 as grassroots staff might write them, answers, one 公开说明. */

export interface DemoReport {
  unit: string
  module: Module
  text: string
  anonymous: boolean
  /** About one of the documents the unit received. */
  aboutDocument?: boolean
  answer?: string
  close?: boolean
}

export const DEMO_REPORTS: DemoReport[] = [
  {
    unit: '东山镇',
    module: '报表材料',
    text: '同一周内三个部门各要一次辖区人口底数，口径略有不同，镇里两名同志整整两天在核表。能否由县里统一从系统调取？',
    anonymous: false,
    aboutDocument: true,
    answer: '已请县统计局牵头统一人口底数口径，今后各部门从共享平台调取，不再单独向乡镇要表。',
  },
  {
    unit: '柳塘村',
    module: '留痕',
    text: '巡查要拍照上传，还要在纸质台账上再登记一遍，村里只有三个干部，晚上常加班补台账。',
    anonymous: true,
    answer: '已通知相关部门：APP 上传即视为留痕，不再要求纸质台账重复登记。',
  },
  {
    unit: '石门镇',
    module: '督查检查',
    text: '本月已接待四批次检查，内容大多是看资料，主要负责同志几乎每周都在陪检。',
    anonymous: false,
    aboutDocument: true,
    answer: '县委督查室将统筹本月剩余检查，合并为一次联合检查，并以实地察看为主。',
    close: false,
  },
  {
    unit: '龙泉村',
    module: '政务APP',
    text: '手机上要装的政务APP已有七个，每个都要求每日登录打卡，很多功能重复。',
    anonymous: true,
  },
  {
    unit: '城关街道',
    module: '会议文件',
    text: '一周内接到五个会议通知，多数要求主要负责同志参加，且都要提前交书面汇报，希望能合并召开。',
    anonymous: false,
    answer: '县政府办公室已将下周三个同类会议合并为一次调度会，书面材料不再另行要求。',
  },
  {
    unit: '文昌社区',
    module: '考核评比',
    text: '创建评比项目多，每项都要单独做展板和档案盒，社区经费和人手都跟不上。',
    anonymous: false,
    aboutDocument: true,
  },
  {
    unit: '西河镇',
    module: '报表材料',
    text: '日报要求无情况也要零报告，节假日同样执行，能否改为有情况随时报？',
    anonymous: false,
    answer: '已调整为有情况即时报告、无情况不再零报告。',
  },
  {
    unit: '东山村',
    module: '留痕',
    text: '走访要求每户拍三张照片并签字，群众有意见，觉得是在应付检查。',
    anonymous: true,
    aboutDocument: true,
  },
  {
    unit: '清溪镇',
    module: '督查检查',
    text: '同一项工作县里两个部门先后来查，查的内容基本一样，材料要准备两套。',
    anonymous: false,
    answer: '已请两个部门建立检查结果互认，同一事项只查一次。',
  },
  {
    unit: '石门村',
    module: '报表材料',
    text: '表格里很多数据去年已经报过，今年又要从头填一遍，能否只报变化部分？',
    anonymous: false,
  },
  {
    unit: '白沙镇',
    module: '会议文件',
    text: '视频会议要求村干部全员在村部收看并拍照签到，正值农忙，影响生产。',
    anonymous: true,
    answer: '今后视频会议只要求相关人员参加，不再拍照签到。',
  },
  {
    unit: '南门社区',
    module: '政务APP',
    text: '学习APP积分被纳入考核排名，社区干部只能下班后刷积分。',
    anonymous: false,
  },
  {
    unit: '茶园村',
    module: '考核评比',
    text: '签订责任书要求签到每家每户，群众不理解，签字的意义不大。',
    anonymous: false,
    aboutDocument: true,
  },
  {
    unit: '石门镇',
    module: '留痕',
    text: '专项整治要求一点一档，一个点位要做封面、目录和照片页，打印费用都是镇里出。',
    anonymous: true,
  },
  {
    unit: '桃源乡',
    module: '报表材料',
    text: '统计表的附件格式每次都变，填完后常被退回重填。',
    anonymous: false,
    answer: '县统计局已固定模板并在平台公布，今后不再临时改格式。',
  },
]

export const RATING_WORDS = {
  effect: ['好', '好', '一般', '一般', '好'] as const,
  burden: ['轻', '适中', '适中', '轻'] as const,
}

export const EXPLANATION =
  '本次专项工作时间紧，督查安排确实偏密。已调整为县里统一组织一次联合督查，资料以系统数据为准，不再要求乡镇另做汇报材料；每周报送改为每月一次。'
