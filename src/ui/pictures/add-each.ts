import { fail, ok, type Problem, type Result } from '../../domain/result';
import type { Action } from '../common/action';

/**
 * The handler of 拍照 / 从相册选 (`PictureButtons`' `onFiles`): every chosen file is tried in turn
 * through `add` under the action's busy guard; `kept` gets the values of those added (even when
 * another was refused), and the reasons of those refused are said together. The input is emptied
 * so that choosing the same file again fires again. One piece for a record's strip and a form's
 * pending photos: the two loops had been copied (duplicates pair D1).
 */
export function addEach<T>(action: Action, add: (file: File) => Promise<Result<T>>, kept?: (values: T[]) => void) {
  return async (files: FileList | readonly File[] | null | undefined, input?: HTMLInputElement): Promise<void> => {
    const list = [...(files ?? [])];
    if (input) input.value = '';
    if (!list.length) return;
    await action.run(async () => {
      const found: Problem[] = [];
      const values: T[] = [];
      for (const file of list) {
        const r = await add(file);
        if (r.ok) values.push(r.value);
        else found.push(...r.problems);
      }
      if (values.length) kept?.(values);
      return found.length ? fail(...found) : ok(undefined);
    });
  };
}
