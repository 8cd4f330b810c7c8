export { NotFoundPageComponent } from './lib/not-found/not-found-page.component';
export { ShellComponent } from './lib/shell/shell.component';
