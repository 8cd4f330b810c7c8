import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { ENTRY_LIMITS } from '@laurel/contracts';
import { TranslatePipe } from '@laurel/console-util';
import { memberGroup, type MembersForm } from './members-form';

/**
 * A team's members, one row each (name, role, e-mail), added and removed within `min`..`max`. The
 * applicant's entry editor and the organizer's correction of a submitted entry are this one
 * component, so both keep the same rules and the same look.
 */
@Component({
  selector: 'laurel-members-editor',
  imports: [ReactiveFormsModule, MatButton, MatError, MatFormField, MatIcon, MatIconButton, MatInput, MatLabel, TranslatePipe],
  templateUrl: './members-editor.component.html',
  styleUrl: './members-editor.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MembersEditorComponent {
  readonly members = input.required<MembersForm>();
  /** The fewest members: Remove stops there. */
  readonly min = input(0);
  /** The most members: Add stops there. */
  readonly max = input<number>(ENTRY_LIMITS.members);
  readonly readOnly = input(false);

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly limits = ENTRY_LIMITS;
  /** Bumped on every change of the list (values, statuses, touches, rows): the rows and their errors follow. */
  private readonly tick = signal(0);
  protected readonly rows = computed(() => {
    this.tick();
    return [...this.members().controls];
  });
  protected readonly canAdd = computed(() => this.rows().length < this.max());
  protected readonly canRemove = computed(() => this.rows().length > this.min());

  constructor() {
    effect((onCleanup) => {
      const subscription = this.members().events.subscribe(() => this.tick.update((n) => n + 1));
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected add(): void {
    if (!this.canAdd()) return;
    this.members().push(memberGroup(this.fb));
  }

  protected remove(index: number): void {
    if (!this.canRemove()) return;
    this.members().removeAt(index);
  }
}
