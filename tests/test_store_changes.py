"""Changes made elsewhere: the GUI polls ``Workspace.data_version()`` and refreshes its lists when
another program (a second window, ``diag-app import --db``) has committed to the same workspace."""

from __future__ import annotations

import subprocess
import sys

from test_store_support import enterprise_a, enterprise_b, items

from diag_app.store import Workspace


def test_data_version_changes_only_when_another_connection_commits(tmp_path, pack):
    path = tmp_path / "workspace.db"
    gui = Workspace.open(path)
    other = Workspace.open(path)
    try:
        u = gui.create_assessment(enterprise_a(), pack.id, pack.version)
        seen = gui.data_version()
        assert gui.data_version() == seen  # nothing happened
        gui.set_answer(u, items(pack, "requirement")[0], 1.0)
        assert gui.data_version() == seen  # its own change: the GUI already shows it
        other.set_answer(u, items(pack, "requirement")[1], 0.5)
        changed = gui.data_version()
        assert changed != seen
        assert gui.load_assessment(u).value(items(pack, "requirement")[1]) == 0.5
        assert gui.data_version() == changed  # reading changes nothing
        other.list_enterprises()  # another connection only reading: no change either
        assert gui.data_version() == changed
    finally:
        other.close()
        gui.close()


def test_an_import_on_the_command_line_is_seen_by_the_open_workspace(tmp_path, pack):
    src = Workspace.open(tmp_path / "src" / "workspace.db")
    u = src.create_assessment(enterprise_b(), pack.id, pack.version, assessor="王工")
    src.export_bundle(tmp_path / "b.sfd", [u])
    src.close()

    path = tmp_path / "workspace.db"
    gui = Workspace.open(path)
    try:
        gui.create_assessment(enterprise_a(), pack.id, pack.version)
        seen = gui.data_version()
        assert [e.name for e in gui.list_enterprises()] == [enterprise_a().name]
        done = subprocess.run(
            [sys.executable, "-m", "diag_app", "import", str(tmp_path / "b.sfd"), "--db", str(path)],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        assert gui.data_version() != seen
        assert {e.name for e in gui.list_enterprises()} == {enterprise_a().name, enterprise_b().name}
    finally:
        gui.close()


def test_polling_never_waits_for_the_windows_own_background_work(tmp_path, pack):
    """The GUI polls on its own thread while an import of its own may hold the connection: the
    poll answers at once (with the last number), and the other program's commit shows afterwards."""
    import threading

    path = tmp_path / "workspace.db"
    gui = Workspace.open(path)
    other = Workspace.open(path)
    try:
        seen = gui.data_version()
        busy, release = threading.Event(), threading.Event()

        def background_task():
            with gui._lock:  # what every call of the worker holds while it runs
                busy.set()
                release.wait()

        worker = threading.Thread(target=background_task)
        worker.start()
        busy.wait()
        other.create_assessment(enterprise_a(), pack.id, pack.version)
        answers = []
        poll = threading.Thread(target=lambda: answers.append(gui.data_version()))
        poll.start()
        poll.join(timeout=30)
        stuck = poll.is_alive()
        release.set()
        worker.join()
        poll.join()
        assert not stuck and answers == [seen]
        assert gui.data_version() != seen  # the commit made meanwhile is seen once the task is done
    finally:
        other.close()
        gui.close()
