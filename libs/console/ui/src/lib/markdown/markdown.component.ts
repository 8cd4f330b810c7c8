import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { parseMarkdown } from './markdown';

/** Renders a contest description (see `parseMarkdown`) with text bindings only. */
@Component({
  selector: 'laurel-markdown',
  imports: [NgTemplateOutlet],
  template: `
    <ng-template #inline let-nodes>
      @for (node of nodes; track $index) {
        @switch (node.kind) {
          @case ('strong') {
            <strong><ng-container [ngTemplateOutlet]="inline" [ngTemplateOutletContext]="{ $implicit: node.children }" /></strong>
          }
          @case ('em') {
            <em><ng-container [ngTemplateOutlet]="inline" [ngTemplateOutletContext]="{ $implicit: node.children }" /></em>
          }
          @case ('link') {
            <a [href]="node.href" target="_blank" rel="noopener noreferrer nofollow"
              ><ng-container [ngTemplateOutlet]="inline" [ngTemplateOutletContext]="{ $implicit: node.children }"
            /></a>
          }
          @default {
            {{ node.text }}
          }
        }
      }
    </ng-template>

    @for (block of blocks(); track $index) {
      @switch (block.kind) {
        @case ('heading') {
          <div class="heading" role="heading" [attr.aria-level]="block.level" [attr.data-level]="block.level">
            <ng-container [ngTemplateOutlet]="inline" [ngTemplateOutletContext]="{ $implicit: block.children }" />
          </div>
        }
        @case ('list') {
          @if (block.ordered) {
            <ol>
              @for (item of block.items; track $index) {
                <li><ng-container [ngTemplateOutlet]="inline" [ngTemplateOutletContext]="{ $implicit: item }" /></li>
              }
            </ol>
          } @else {
            <ul>
              @for (item of block.items; track $index) {
                <li><ng-container [ngTemplateOutlet]="inline" [ngTemplateOutletContext]="{ $implicit: item }" /></li>
              }
            </ul>
          }
        }
        @default {
          <p><ng-container [ngTemplateOutlet]="inline" [ngTemplateOutletContext]="{ $implicit: block.children }" /></p>
        }
      }
    }
  `,
  styles: `
    :host {
      display: block;
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface);
    }
    p,
    ul,
    ol {
      margin: 0 0 12px;
    }
    ul,
    ol {
      padding-left: 24px;
    }
    li + li {
      margin-top: 4px;
    }
    .heading {
      margin: 20px 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .heading[data-level='3'] {
      font: var(--mat-sys-title-large);
    }
    :last-child {
      margin-bottom: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MarkdownComponent {
  readonly source = input.required<string>();
  protected readonly blocks = computed(() => parseMarkdown(this.source()));
}
