/**
 * X's reply composer for the demo and the e2e tests, served at a route of its own.
 *
 * On x.com the reply button opens a modal (`div[role="dialog"]` in `#layers`, the URL becomes
 * /compose/post) with a Draft.js editor: a contenteditable `data-testid="tweetTextarea_0"` that
 * keeps its own model: it cancels `beforeinput` and applies it to the model, reads text the
 * browser inserted natively back on `input` (Draft's editOnInput), and re-renders one
 * `div[data-block]` per line from the model. Text written into its DOM without an input event
 * is NOT in the model and would not be posted. The script below mimics exactly that, so a test passes only if CareSide inserts text
 * the way Draft.js registers it. `window.__xComposer` exposes the model for the tests.
 * The markup mirrors tests/fixtures/x/reply-dialog.html.
 */

/** Where the page fetches the dialog's markup from (served by the test server). */
export const X_REPLY_COMPOSER_PATH = '/i/careside/reply-composer';

/** The dialog's markup, as X renders it (the replied-to post's text is filled in by the script). */
export function xReplyComposerHtml(): string {
  return `<div class="modal-backdrop" style="position:fixed;inset:0;z-index:1000;display:flex;justify-content:center;align-items:flex-start;padding-top:8vh;background:rgba(91,112,131,.4)">
  <div aria-labelledby="modal-header" aria-modal="true" role="dialog" class="reply-dialog" style="width:560px;max-width:90vw;padding:16px;border-radius:16px;background:#000;color:#e7e9ea">
    <div role="document">
      <div><button aria-label="Close" data-testid="app-bar-close" role="button" type="button">×</button></div>
      <div class="reply-context">
        <div dir="auto" lang="en" class="reply-original"></div>
        <div dir="ltr"><span>Replying to </span><a href="#" role="link" class="reply-handle"></a></div>
      </div>
      <div class="DraftEditor-root">
        <div class="public-DraftEditorPlaceholder-root"><div class="public-DraftEditorPlaceholder-inner" id="placeholder-reply">Post your reply</div></div>
        <div class="DraftEditor-editorContainer">
          <div aria-label="Post text" aria-multiline="true" class="notranslate public-DraftEditor-content" contenteditable="true" data-testid="tweetTextarea_0" role="textbox" spellcheck="true" tabindex="0" aria-describedby="placeholder-reply" style="outline: none; user-select: text; white-space: pre-wrap; overflow-wrap: break-word; min-height: 80px;"></div>
        </div>
      </div>
      <button data-testid="tweetButton" type="button" disabled>Reply</button>
    </div>
  </div>
</div>`;
}

/** Runs in the page: the reply button fetches and opens the dialog; the editor acts like Draft.js. */
export const X_REPLY_COMPOSER_SCRIPT = `(function () {
  var state = { model: '', inputTypes: [], opened: 0 };
  window.__xComposer = state;
  function layers() {
    var found = document.getElementById('layers');
    if (!found) { found = document.createElement('div'); found.id = 'layers'; document.body.appendChild(found); }
    return found;
  }
  function render(editor) {
    var contents = document.createElement('div');
    contents.setAttribute('data-contents', 'true');
    state.model.split('\\n').forEach(function (line, index) {
      var block = document.createElement('div');
      block.setAttribute('data-block', 'true');
      block.setAttribute('data-offset-key', 'b' + index + '-0-0');
      var span = document.createElement('span');
      if (line === '') span.appendChild(document.createElement('br')); else span.textContent = line;
      block.appendChild(span);
      contents.appendChild(block);
    });
    editor.replaceChildren(contents);
    var placeholder = document.querySelector('.public-DraftEditorPlaceholder-root');
    if (placeholder) placeholder.style.display = state.model === '' ? '' : 'none';
    var send = document.querySelector('[data-testid="tweetButton"]');
    if (send) send.disabled = state.model.trim() === '';
  }
  function selectsAll(editor) {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0) return false;
    return selection.toString().length >= (editor.textContent || '').length;
  }
  function attach(editor) {
    editor.addEventListener('beforeinput', function (event) {
      event.preventDefault();
      state.inputTypes.push(event.inputType);
      var replace = selectsAll(editor);
      var data = event.data;
      if (data == null && event.dataTransfer) data = event.dataTransfer.getData('text/plain');
      if (event.inputType.indexOf('insert') === 0) state.model = (replace ? '' : state.model) + (data || '');
      else if (event.inputType.indexOf('delete') === 0) state.model = replace ? '' : state.model.slice(0, -1);
      render(editor);
    });
    // Like Draft.js's editOnInput: text the browser itself put in the DOM (spellcheck, IME,
    // execCommand) is read back into the model, then the DOM is re-rendered from the model.
    editor.addEventListener('input', function (event) {
      state.inputTypes.push('input:' + event.inputType);
      state.model = (editor.innerText || '').replace(/\\n$/, '');
      render(editor);
    });
    editor.addEventListener('paste', function (event) {
      event.preventDefault();
      state.inputTypes.push('paste');
      var replace = selectsAll(editor);
      state.model = (replace ? '' : state.model) + (event.clipboardData ? event.clipboardData.getData('text/plain') : '');
      render(editor);
    });
    render(editor);
  }
  document.addEventListener('click', function (event) {
    var target = event.target;
    var button = target && target.closest ? target.closest('[data-testid="reply"]') : null;
    if (!button) return;
    var article = button.closest('article');
    fetch('${X_REPLY_COMPOSER_PATH}').then(function (response) { return response.text(); }).then(function (html) {
      var parsed = new DOMParser().parseFromString(html, 'text/html');
      var host = layers();
      host.replaceChildren.apply(host, Array.prototype.slice.call(parsed.body.childNodes));
      var text = article && article.querySelector('[data-testid="tweetText"]');
      var handle = article && article.querySelector('[data-testid="User-Name"] a[tabindex="-1"]');
      host.querySelector('.reply-original').textContent = text ? text.textContent : '';
      host.querySelector('.reply-handle').textContent = handle ? handle.textContent : '';
      state.model = '';
      state.opened += 1;
      history.pushState({}, '', '/compose/post');
      var editor = host.querySelector('[data-testid="tweetTextarea_0"]');
      attach(editor);
      editor.focus();
    });
  });
})();`;

/** Add the composer script to a page built by xSearchPageHtml. */
export function withXReplyComposer(pageHtml: string): string {
  return pageHtml.replace('</body>', `<script>${X_REPLY_COMPOSER_SCRIPT}</script>\n</body>`);
}
