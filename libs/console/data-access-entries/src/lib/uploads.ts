/** Types the API accepts (it reads the bytes; the browser's picker only pre-filters). */
export const ACCEPTED_UPLOADS =
  '.pdf,.pptx,.png,.jpg,.jpeg,application/pdf,application/vnd.openxmlformats-officedocument.presentationml.presentation,image/png,image/jpeg';
