import type { NoticeKind } from './types';

/**
 * The starter wording of each kind of notice (小区通知范本), in the script the office works in:
 * staff pick a kind and edit the dates and details; the office's own 通知 templates (设置 → 模板,
 * kind `notice`) are offered beside these. The blanks (____) are left for staff to fill, on
 * purpose: a notice with a wrong time is worse than one that makes them look.
 */
type Starter = { title: string; body: string };
export const NOTICE_STARTERS: Record<'hans' | 'hant', Record<Exclude<NoticeKind, 'other'>, Starter>> = {
  hans: {
    water: { title: '停水通知', body: '尊敬的各位业主、住户：\n\n因供水管网检修，定于____月____日____时至____时暂停供水。请提前做好储水准备，停水期间请关闭水龙头，以免来水时造成浸水。\n\n给您带来不便，敬请谅解！如有疑问，请致电客户服务中心。' },
    power: { title: '停电通知', body: '尊敬的各位业主、住户：\n\n因供电线路检修，定于____月____日____时至____时暂停供电。停电期间电梯停止运行，请提前做好准备，并关闭家中电器电源。\n\n给您带来不便，敬请谅解！如有疑问，请致电客户服务中心。' },
    lift: { title: '电梯检修通知', body: '尊敬的各位业主、住户：\n\n为保障电梯安全运行，定于____月____日____时至____时对本楼电梯进行检修保养，检修期间电梯暂停使用，请走楼梯并注意安全。行动不便的住户如需帮助，请致电客户服务中心。\n\n感谢您的理解与配合！' },
    renovation: { title: '装修管理规定', body: '尊敬的各位业主、住户：\n\n为维护小区安宁，装修施工时间为：工作日8:00–12:00、14:00–18:00，节假日不得进行产生噪音的施工。装修前请到客户服务中心办理装修手续，装修垃圾请袋装后堆放到指定地点。\n\n感谢您的配合！' },
    holiday: { title: '节日通知', body: '尊敬的各位业主、住户：\n\n____节将至，管理处全体员工祝您节日快乐、阖家幸福！节日期间客户服务中心正常值班，值班电话____。请注意防火防盗，燃放烟花爆竹请遵守有关规定。' },
    emergency: { title: '紧急通知', body: '尊敬的各位业主、住户：\n\n因____，____。管理处已安排人员全力处理，请大家保持冷静，注意安全，听从工作人员指引。如需帮助，请致电客户服务中心。\n\n我们将及时通报处理进展，感谢您的理解与支持！' },
  },
  hant: {
    water: { title: '停水通知', body: '尊敬的各位業主、住戶：\n\n因供水管網檢修，定於____月____日____時至____時暫停供水。請提前做好儲水準備，停水期間請關閉水龍頭，以免來水時造成浸水。\n\n給您帶來不便，敬請諒解！如有疑問，請致電客戶服務中心。' },
    power: { title: '停電通知', body: '尊敬的各位業主、住戶：\n\n因供電線路檢修，定於____月____日____時至____時暫停供電。停電期間電梯停止運行，請提前做好準備，並關閉家中電器電源。\n\n給您帶來不便，敬請諒解！如有疑問，請致電客戶服務中心。' },
    lift: { title: '電梯檢修通知', body: '尊敬的各位業主、住戶：\n\n為保障電梯安全運行，定於____月____日____時至____時對本樓電梯進行檢修保養，檢修期間電梯暫停使用，請走樓梯並注意安全。行動不便的住戶如需幫助，請致電客戶服務中心。\n\n感謝您的理解與配合！' },
    renovation: { title: '裝修管理規定', body: '尊敬的各位業主、住戶：\n\n為維護小區安寧，裝修施工時間為：工作日8:00–12:00、14:00–18:00，節假日不得進行產生噪音的施工。裝修前請到客戶服務中心辦理裝修手續，裝修垃圾請袋裝後堆放到指定地點。\n\n感謝您的配合！' },
    holiday: { title: '節日通知', body: '尊敬的各位業主、住戶：\n\n____節將至，管理處全體員工祝您節日快樂、闔家幸福！節日期間客戶服務中心正常值班，值班電話____。請注意防火防盜，燃放煙花爆竹請遵守有關規定。' },
    emergency: { title: '緊急通知', body: '尊敬的各位業主、住戶：\n\n因____，____。管理處已安排人員全力處理，請大家保持冷靜，注意安全，聽從工作人員指引。如需幫助，請致電客戶服務中心。\n\n我們將及時通報處理進展，感謝您的理解與支持！' },
  },
};

export function noticeStarter(kind: NoticeKind, script: 'hans' | 'hant'): Starter {
  return kind === 'other' ? { title: '', body: '' } : NOTICE_STARTERS[script][kind];
}
