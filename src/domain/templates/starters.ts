import type { CommandContext } from '../actor';
import { combine, type Command } from '../ops';
import { historyEntry } from '../history';
import { DEFAULT_CARE, type CareSettings } from '../tasks/care-settings';
import type { TemplateInput } from './template';
import { saveTemplate } from './template';

/**
 * Letters a new office starts with (范本), so that the first birthday on 今日 already prints a
 * letter: a birthday letter for birthdays, a greeting for move-in anniversaries. The office edits
 * or replaces them under 设置 → 模板. Written in the script the office works in (the merge
 * fields keep their one spelling).
 */
const STARTERS: Record<'hans' | 'hant', { birthday: TemplateInput; moveIn: TemplateInput }> = {
  hans: {
    birthday: { kind: 'letter', name: '生日贺信（范本）', body: '尊敬的{{称呼}}：\n\n值此您{{农历生日}}生日之际，{{管理处}}全体员工衷心祝您生日快乐，身体健康，阖家幸福！\n\n感谢您一直以来对我们工作的支持。\n\n{{管理处}}\n{{日期}}' },
    moveIn: { kind: 'letter', name: '入住周年贺信（范本）', body: '尊敬的{{称呼}}：\n\n时光荏苒，您入住{{房号}}又满一年。{{管理处}}全体员工感谢您的信任与支持，祝您生活美满，万事如意！\n\n{{管理处}}\n{{日期}}' },
  },
  hant: {
    birthday: { kind: 'letter', name: '生日賀信（範本）', body: '尊敬的{{称呼}}：\n\n值此您{{农历生日}}生日之際，{{管理处}}全體員工衷心祝您生日快樂，身體健康，闔家幸福！\n\n感謝您一直以來對我們工作的支持。\n\n{{管理处}}\n{{日期}}' },
    moveIn: { kind: 'letter', name: '入住週年賀信（範本）', body: '尊敬的{{称呼}}：\n\n時光荏苒，您入住{{房号}}又滿一年。{{管理处}}全體員工感謝您的信任與支持，祝您生活美滿，萬事如意！\n\n{{管理处}}\n{{日期}}' },
  },
};

/** The starter templates and the care settings that use them, as one command (ids given, so a test can name them). */
export function starterTemplates(script: 'hans' | 'hant', ctx: CommandContext, ids = { birthday: 'starter-birthday', moveIn: 'starter-move-in' }): Command {
  const set = STARTERS[script];
  const made = (['birthday', 'moveIn'] as const).map((key) => {
    const result = saveTemplate(null, set[key], ctx, ids[key]);
    if (!result.ok || !result.value.command) throw new Error(`starter template ${key} does not pass its own checks`);
    return result.value.command;
  });
  const care: CareSettings = { daysBefore: DEFAULT_CARE.daysBefore, templates: { birthday: ids.birthday, moveIn: ids.moveIn, anniversary: '' } };
  const careCommand: Command = {
    shard: 'office',
    ops: [
      { kind: 'set', collection: 'settings', id: 'care', upsert: true, fields: { ...care, updatedAt: ctx.now, updatedBy: ctx.actor.staffId } },
      { kind: 'log', collection: 'settings', id: 'care', entry: historyEntry(ctx, 'history.created', undefined, { starters: true }) },
    ],
  };
  // All three land on the office shard: combine gives exactly one command.
  return combine(...made, careCommand)[0];
}
