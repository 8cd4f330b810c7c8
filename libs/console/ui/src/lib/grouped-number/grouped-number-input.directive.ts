import { Directive, ElementRef, type OnDestroy, effect, forwardRef, inject } from '@angular/core';
import { type ControlValueAccessor, NG_VALUE_ACCESSOR } from '@angular/forms';
import { I18nService, caretAfterDigits, formatGroupedInteger, readGroupedInteger } from '@laurel/console-util';

/**
 * `<input laurelGroupedNumber formControlName="amount">`: a whole amount shown with the
 * language's thousands separators while it is typed ("50.000.000" in Vietnamese, "50,000,000"
 * in English); the form control holds the number (or null when empty).
 */
@Directive({
  selector: 'input[laurelGroupedNumber]',
  host: {
    inputmode: 'numeric',
    autocomplete: 'off',
    '(input)': 'onInput()',
    '(blur)': 'touched()',
  },
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => GroupedNumberInputDirective), multi: true }],
})
export class GroupedNumberInputDirective implements ControlValueAccessor, OnDestroy {
  private readonly input = inject<ElementRef<HTMLInputElement>>(ElementRef).nativeElement;
  private readonly i18n = inject(I18nService);
  private value: number | null = null;
  private changed: (value: number | null) => void = () => undefined;
  protected touched: () => void = () => undefined;
  // A language switch regroups what is shown ("50.000.000" ↔ "50,000,000").
  private readonly regroup = effect(() => {
    this.input.value = formatGroupedInteger(this.value, this.i18n.locale());
  });

  writeValue(value: number | null | undefined): void {
    this.value = value === null || value === undefined || Number.isNaN(Number(value)) ? null : Number(value);
    this.input.value = formatGroupedInteger(this.value, this.i18n.locale());
  }

  registerOnChange(fn: (value: number | null) => void): void {
    this.changed = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.touched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.input.disabled = disabled;
  }

  protected onInput(): void {
    const typed = this.input.value;
    const caret = this.input.selectionStart ?? typed.length;
    this.value = readGroupedInteger(typed);
    const shown = formatGroupedInteger(this.value, this.i18n.locale());
    if (shown !== typed) {
      this.input.value = shown;
      const at = caretAfterDigits(typed, caret, shown);
      this.input.setSelectionRange(at, at);
    }
    this.changed(this.value);
  }

  ngOnDestroy(): void {
    this.regroup.destroy();
  }
}
