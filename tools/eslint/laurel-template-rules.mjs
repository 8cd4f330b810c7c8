/**
 * Template rules of Laurel's own, run on every Angular template (files and inline templates).
 *
 * `form-binds-form-group`: the console's forms are reactive (STYLE.md), and a component imports
 * `ReactiveFormsModule`, never `FormsModule`. With only `ReactiveFormsModule`, a `<form>` gets
 * an Angular directive only through `[formGroup]`: without it `(ngSubmit)` is a listener on an
 * event nobody fires, Enter or a submit button posts the form natively and the page reloads,
 * and nothing reaches the API (the recusal and advance dialogs both shipped like that). So a
 * `<form>` binds `[formGroup]` (`ngNoForm` states on purpose that it is a plain HTML form).
 */
const formBindsFormGroup = {
  meta: {
    type: 'problem',
    docs: { description: 'A <form> binds [formGroup], so (ngSubmit) fires and Enter never reloads the page' },
    schema: [],
    messages: {
      missing:
        'This <form> has no [formGroup]: with ReactiveFormsModule nothing handles its submit, so (ngSubmit) never fires and ' +
        'Enter reloads the page. Bind [formGroup] to a FormGroup of the component (or mark a deliberate plain form ngNoForm).',
    },
  },
  create(context) {
    const services = context.sourceCode.parserServices;
    return {
      'Element[name="form"]'(element) {
        const names = [...element.inputs, ...element.attributes].map((a) => a.name);
        if (names.includes('formGroup') || names.includes('ngNoForm')) return;
        context.report({ loc: services.convertNodeSourceSpanToLoc(element.startSourceSpan ?? element.sourceSpan), messageId: 'missing' });
      },
    };
  },
};

export const laurelTemplatePlugin = {
  meta: { name: 'laurel-template' },
  rules: { 'form-binds-form-group': formBindsFormGroup },
};
