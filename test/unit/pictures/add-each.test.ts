import { describe, expect, it } from 'vitest';
import { fail, ok, type Result } from '../../../src/domain/result';
import { createAction } from '../../../src/ui/common/action';
import { addEach } from '../../../src/ui/pictures/add-each';

// The one loop behind a record's picture strip and a form's pending photos (PictureStrip,
// PendingPictures): every file tried, the kept ones kept even when another is refused, the
// reasons said together, and a second choice while the first is in flight dropped.

const file = (name: string) => new File([name], name, { type: 'image/jpeg' });

describe('addEach', () => {
  it('tries every file; keeps those added, says every refusal at once', async () => {
    const action = createAction();
    const tried: string[] = [];
    const add = async (f: File): Promise<Result<string>> => {
      tried.push(f.name);
      return f.name.startsWith('bad') ? fail({ code: 'picture.error.notImage', params: { name: f.name } }) : ok(f.name.toUpperCase());
    };
    const kept: string[][] = [];
    await addEach(action, add, (values) => kept.push(values))([file('a'), file('bad1'), file('b'), file('bad2')]);
    expect(tried).toEqual(['a', 'bad1', 'b', 'bad2']);
    expect(kept).toEqual([['A', 'B']]);
    expect(action.problems().map((p) => p.params?.name)).toEqual(['bad1', 'bad2']);
    expect(action.busy()).toBe(false);

    await addEach(action, add, (values) => kept.push(values))([file('c')]);
    expect(kept.at(-1)).toEqual(['C']);
    expect(action.problems()).toEqual([]);
  });

  it('does nothing for no file; a second choice while one is being added is dropped', async () => {
    const action = createAction();
    let added = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = async (): Promise<Result<void>> => {
      added++;
      await gate;
      return ok(undefined);
    };
    const choose = addEach(action, slow);
    await choose(null);
    await choose([]);
    expect(added).toBe(0);
    const first = choose([file('a')]);
    expect(action.busy()).toBe(true);
    await choose([file('b')]);
    release();
    await first;
    expect(added).toBe(1);
  });
});
