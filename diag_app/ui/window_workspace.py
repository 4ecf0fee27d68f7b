"""The main window's workspace commands: open, create, restore and close a workspace database, and
read its enterprise list. A mixin of ``MainWindow`` (its methods take the window as ``self``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import tr
from . import settings as cfg
from .lazy import emit, present_error, run_in_background
from .window_parts import WindowParts

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractButton, QMessageBox

    from ..progress import Progress
    from ..store import Workspace
    from .background import Job
    from .workspace_page import Listing


def open_ws(path: Path) -> tuple[Workspace | None, BaseException | None]:
    """Open a workspace (on a worker thread); an error is returned, not raised, so the caller
    can offer the newest backup for a damaged database."""
    from ..store import Workspace

    try:
        return Workspace.open(path), None
    except Exception as exc:
        return None, exc


class WorkspaceCommands(WindowParts):
    def open_workspace(self, path: str | Path) -> Job:
        """Open another workspace database; the checks on opening run in the background."""
        path = Path(path)
        return run_in_background(
            self,
            lambda _p: (path, *open_ws(path)),
            tr("ui.opening", self.lang, path=str(path)),
            lambda r: self._workspace_opened(*r),
            lang=self.lang,
            cancellable=False,
        )

    def _workspace_opened(
        self, path: Path, ws: Workspace | None, err: BaseException | None, remember: bool = True
    ) -> bool:
        """Show a workspace just opened (or the error that kept it shut). ``remember``: open it
        again at the next start (not for a --db path, which is for one session)."""
        if err is not None or ws is None:
            from ..store import DatabaseCorrupt

            if isinstance(err, DatabaseCorrupt):
                self._offer_restore(path, err)
            elif err is not None:
                present_error(self, err, self.lang)
            return False
        self.close_workspace()
        self.undo_stack.clear()  # its steps belong to the workspace closed
        self.ws = ws
        self.db_path = path
        self._seen_version = ws.data_version()
        self.watch.start()
        if remember:
            cfg.put(cfg.LAST_WORKSPACE, str(path))
        self.db_label.setText(tr("ui.status.workspace", self.lang, path=str(path)))
        self.refresh_enterprises()
        self.show_workspace()
        self._update_actions()
        self._mention_old_deletions(ws)
        emit(self.workspace_changed)
        return True

    def _mention_old_deletions(self, ws: Workspace) -> None:
        """Say where things deleted a month ago or more are: the app never purges by itself, and a
        bin nobody looks at keeps confidential files on the laptop."""
        try:
            old = ws.list_deleted(30)
        except Exception:  # a workspace that opened but cannot list its bin is reported when used
            return
        if old:
            self.statusBar().showMessage(tr("ui.bin.old", self.lang, n=len(old)), 20_000)

    def open_examples(self) -> Job:
        """The example assessments (one per key industry) in a workspace of their own beside the
        current one, made the first time: a look around that never mixes with the user's data.
        Not remembered: the next start opens the user's workspace again."""
        from ..store import default_db_path

        folder = self.db_path.parent if self.db_path is not None else Path(default_db_path()).parent
        path = folder / "examples.db"

        def work(_p: Progress) -> tuple[Path, Workspace | None, BaseException | None]:
            from ..resources import examples_dir

            if not path.exists():
                ws, err = open_ws(path)
                if ws is None:
                    return path, ws, err
                try:
                    ws.import_files(sorted(examples_dir().glob("*.json")))
                finally:
                    ws.close()
            return (path, *open_ws(path))

        return run_in_background(
            self,
            work,
            tr("ui.welcome.opening", self.lang),
            lambda r: self._workspace_opened(r[0], r[1], r[2], remember=False),
            lang=self.lang,
            cancellable=False,
        )

    def _offer_restore(self, path: Path, exc: BaseException | None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        from .errors import error_text

        assert exc is not None
        what, detail, hint = error_text(exc, self.lang)
        box = QMessageBox(self)
        box.setObjectName("restoreBox")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(tr("ui.app.title", self.lang))
        box.setText(what)
        box.setInformativeText(f"{detail}\n\n{hint}")
        restore = None
        backups: list[Path] = list(getattr(exc, "backups", []) or [])
        if backups:
            restore = box.addButton(tr("ui.restore.newest", self.lang), QMessageBox.ButtonRole.AcceptRole)
        other = box.addButton(tr("ui.restore.other", self.lang), QMessageBox.ButtonRole.ActionRole)
        box.addButton(tr("ui.cancel", self.lang), QMessageBox.ButtonRole.RejectRole)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def clicked(button: QAbstractButton) -> None:
            if restore is not None and button is restore:
                self.restore_newest(path, backups[0])
            elif button is other:
                self.choose_workspace()

        box.buttonClicked.connect(clicked)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = box
        box.open()

    def offer_missing(self, path: Path) -> QMessageBox:
        """The workspace opened last is not where it was: say so, by name, and offer to find it,
        make a new one there, or open the default one. Nothing is made without asking."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        from ..store import default_db_path

        box = QMessageBox(self)
        box.setObjectName("missingWorkspaceBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("ui.app.title", self.lang))
        box.setText(tr("ui.ws_missing.title", self.lang))
        box.setInformativeText(tr("ui.ws_missing.detail", self.lang, path=str(path)))
        locate = box.addButton(tr("ui.ws_missing.locate", self.lang), QMessageBox.ButtonRole.AcceptRole)
        create = box.addButton(tr("ui.ws_missing.create", self.lang), QMessageBox.ButtonRole.ActionRole)
        default = Path(default_db_path())
        use_default = None
        if default != path:
            use_default = box.addButton(tr("ui.ws_missing.default", self.lang), QMessageBox.ButtonRole.ActionRole)
        box.addButton(tr("ui.cancel", self.lang), QMessageBox.ButtonRole.RejectRole)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def clicked(button: QAbstractButton) -> None:
            if button is locate:
                self.choose_workspace()
            elif button is create:
                self.open_workspace(path)
            elif use_default is not None and button is use_default:
                self.open_workspace(default)

        box.buttonClicked.connect(clicked)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = box
        self.db_label.setText(tr("ui.status.no_workspace", self.lang))
        box.open()
        return box

    def restore_newest(self, path: Path, backup: Path) -> bool:
        from ..store import restore_backup

        try:
            restore_backup(backup, path)
        except Exception as exc:
            present_error(self, exc, self.lang)
            return False
        self.statusBar().showMessage(tr("ui.restore.done", self.lang, backup=str(backup)), 10000)
        self.open_workspace(path)
        return True

    def poll_changes(self) -> bool:
        """Refresh the list when another program (the command line's import, another window) has
        changed the workspace. Skipped while our own background work runs: it may hold the
        database, and the list is read again when it ends anyway."""
        from .background import Job

        if self.ws is None or Job._active:
            return False
        version = self.ws.data_version()
        if version == self._seen_version:
            return False
        self._seen_version = version
        self.refresh_enterprises()
        self.statusBar().showMessage(tr("ui.ws.changed_elsewhere", self.lang), 5000)
        return True

    def close_workspace(self) -> None:
        self.watch.stop()
        self.close_editor()
        if self.ws is not None:
            try:
                self.ws.close()
            except Exception as exc:
                present_error(self, exc, self.lang)
            self.ws = None

    def choose_workspace(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        start = str(self.db_path.parent) if self.db_path else ""
        path, _ = QFileDialog.getOpenFileName(
            self, tr("ui.menu.open_workspace", self.lang), start, tr("ui.file_filter.db", self.lang)
        )
        if path:
            self.open_workspace(path)

    def choose_new_workspace(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        start = str(self.db_path.parent) if self.db_path else ""
        path, _ = QFileDialog.getSaveFileName(
            self, tr("ui.menu.new_workspace", self.lang), start, tr("ui.file_filter.db", self.lang)
        )
        if path:
            self.open_workspace(path)

    def refresh_enterprises(self, select: str | None = None) -> Job | None:
        """Read the enterprise list again and show it, then select ``select`` (a credit code), else
        the enterprise selected before. The query and the table's sort keys and search texts run
        off the GUI thread (10,000 enterprises: ~0.2 s); a newer refresh supersedes one still
        running. ``self.listing`` is the job while one runs."""
        if self.ws is None or self.workspace_page is None:
            return None
        from .workspace_page import listing

        ws, page = self.ws, self.workspace_page
        pack, lang = page.model.pack, page.model.lang
        self._listing_gen += 1
        gen = self._listing_gen

        def done(rows: Listing) -> None:
            if gen != self._listing_gen:
                return
            self.listing = None
            if ws is self.ws:
                page.set_rows(rows, select)

        def failed(exc: BaseException) -> None:
            if gen == self._listing_gen:
                self.listing = None
                present_error(self, exc, self.lang)

        self.listing = run_in_background(
            self,
            lambda _p: listing(ws.list_enterprises(), pack, lang),
            tr("ui.ws.listing", self.lang),
            done,
            lang=self.lang,
            cancellable=False,
            on_error=failed,
        )
        return self.listing
