// What every view draws from. Its own file so the views import it without importing each other.
import type { VNode } from 'preact';
import type { OwnerField } from '../../shared/owner-fields.ts';
import type { WidgetSettings } from '../types.ts';
import type { Strings } from './strings.ts';
import type { ViewActions, ViewState } from './view-state.ts';

/** Everything a view draws from: the settings, the texts and the current state. */
export interface ViewProps {
  settings: WidgetSettings;
  t: Strings;
  /** The country <option>s: the selected one until the control is first used, then all, made once. */
  options: VNode[];
  /** The site owner's questions, after the built-in fields. */
  questions: readonly OwnerField[];
  state: ViewState;
  act: ViewActions;
}
