// The practice example form: the generic editor over the practice example commands. The core
// answers create and update with the whole detail, which the editor then reads again like every
// other form does. One instance per open page.

import * as api from '../api/api';
import type { PracticeExampleDetail, PracticeExampleInput } from '../api/types';
import { EditorState } from '../shared/editor-state.svelte';
import { emptyPracticeInput, PRACTICE_FIELDS, practiceToInput } from './labels';

export class PracticeExampleEditor extends EditorState<
  PracticeExampleDetail,
  PracticeExampleInput,
  PracticeExampleDetail
> {
  constructor() {
    super({
      fields: PRACTICE_FIELDS,
      empty: emptyPracticeInput,
      toInput: practiceToInput,
      idOf: (detail) => detail.id,
      get: api.practiceExampleGet,
      create: api.practiceExampleCreate,
      update: api.practiceExampleUpdate,
      remove: api.practiceExampleDelete,
    });
  }
}
