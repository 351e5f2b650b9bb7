;;; eglot-client.el --- drive Emacs's eglot against the wheelsh server, in batch  -*- lexical-binding: t -*-
;; Works with Emacs 28 and the eglot 1.9 of Debian bookworm (package elpa-eglot), and later.
;; Environment: WHEELSH_CMD (JSON list: the server command), WHEELSH_FILE, WHEELSH_OUT,
;; WHEELSH_HOVER (JSON {line, character}), WHEELSH_EDIT (optional JSON
;; {line, character, end_character, text}).
(require 'package)
(package-initialize)
(require 'cl-lib)
(require 'json)
(require 'eglot)

(defvar wheelsh-published nil "Every publishDiagnostics, newest first.")
(defvar wheelsh-errors nil)

(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &rest params)
  (push params wheelsh-published))

(defun wheelsh-wait (pred seconds)
  (let ((end (+ (float-time) seconds)))
    (while (and (not (funcall pred)) (< (float-time) end))
      (accept-process-output nil 0.02))
    (funcall pred)))

(defun wheelsh-env-json (name)
  (let ((v (getenv name)))
    (and v (not (string-empty-p v))
         (let ((json-object-type 'plist) (json-array-type 'list)) (json-read-from-string v)))))

(defun wheelsh-main ()
  (let* ((cmd (let ((json-array-type 'list)) (json-read-from-string (getenv "WHEELSH_CMD"))))
         (file (getenv "WHEELSH_FILE"))
         (hover-at (wheelsh-env-json "WHEELSH_HOVER"))
         (edit (wheelsh-env-json "WHEELSH_EDIT"))
         (result (list :published nil)))
    (setq eglot-server-programs (list (cons '(conf-toml-mode conf-unix-mode conf-space-mode conf-mode js-mode json-mode) cmd)))
    (setq-default eglot-workspace-configuration
                  '((:wheelsh . (:defaultTargets ["--glibc 2.38 --arch loongarch64 --python 3.13"]))))
    (find-file file)
    (apply #'eglot (eglot--guess-contact))
    ;; In batch the connection may finish after `eglot' returns: wait until the buffer is managed.
    (unless (wheelsh-wait (lambda () (eglot-current-server)) 60)
      (error "eglot did not connect within 60 s"))
    (let ((server (eglot-current-server)))
      (unless (wheelsh-wait (lambda () wheelsh-published) 60)
        (push "no diagnostics within 60 s" wheelsh-errors))
      (setq result (plist-put result :opened_version eglot--versioned-identifier))
      (let* ((doc (eglot--TextDocumentIdentifier))
             (hover (jsonrpc-request server :textDocument/hover (list :textDocument doc :position hover-at)))
             (first (car wheelsh-published))
             (actions (jsonrpc-request server :textDocument/codeAction
                                       (list :textDocument doc
                                             :range (list :start hover-at :end hover-at)
                                             :context (list :diagnostics (plist-get first :diagnostics))))))
        (setq result (plist-put result :hover hover))
        (setq result (plist-put result :actions actions)))
      (when edit
        (save-excursion
          (goto-char (point-min))
          (forward-line (plist-get edit :line))
          (let ((start (+ (point) (plist-get edit :character)))
                (end (+ (point) (plist-get edit :end_character))))
            (delete-region start end)
            (goto-char start)
            (insert (plist-get edit :text))))
        (eglot--signal-textDocument/didChange)
        (let ((want eglot--versioned-identifier))
          (setq result (plist-put result :edited_version want))
          (unless (wheelsh-wait (lambda () (equal (plist-get (car wheelsh-published) :version) want)) 60)
            (push "no diagnostics for the edited version within 60 s" wheelsh-errors)))
        (setq result (plist-put result :edited_text (buffer-substring-no-properties (point-min) (point-max)))))
      (set-buffer-modified-p nil)
      ;; The protocol's own goodbye, by hand: `eglot-shutdown' kills the process right after
      ;; sending exit, which would hide the exit code the server chose.
      (setf (eglot--shutdown-requested server) t)
      (jsonrpc-request server :shutdown nil)
      (jsonrpc-notify server :exit nil)
      (wheelsh-wait (lambda () (not (process-live-p (jsonrpc--process server)))) 20)
      (setq result (plist-put result :exit_code (process-exit-status (jsonrpc--process server)))))
    result))

(let ((result (condition-case err
                  (wheelsh-main)
                (error (push (format "%S" err) wheelsh-errors) (list :published nil)))))
  (setq result (plist-put result :published (vconcat (reverse wheelsh-published))))
  (setq result (plist-put result :errors (vconcat (reverse wheelsh-errors))))
  (with-temp-file (getenv "WHEELSH_OUT")
    (insert (json-encode result))))
(kill-emacs 0)
