"""django-tasks' database backend, with its row written by core.rows.insert.

Every registration queues its e-mail, and queueing was a sixth of a registration's CPU: the library writes the
row with `objects.create()`, which builds its INSERT anew each time. Here the same row, with the same values, goes
through core.rows (an INSERT put together once, signals sent as save() sends them: the library's own pre_save
receiver still sets the run-after time): 0.54-0.67 ms against 0.70-0.84 ms a task, alternating in one loop.
`tests/core/test_task_queue.py` compares the row with the one the library's own method writes, so that a new
version of the library that writes another field is noticed.
"""

from django_tasks_db import DatabaseBackend as LibraryBackend
from django_tasks_db.backend import normalize_json, task_enqueued

from tvatakt.core import rows


class DatabaseBackend(LibraryBackend):
    def _task_to_db_task(self, task, args, kwargs):
        row = self.row(task, args, kwargs)
        rows.insert([row])
        return row

    def row(self, task, args, kwargs):
        """The queue's row for `task`, not yet written: for a caller who writes it in a statement of its own."""
        from django_tasks_db.models import DBTaskResult  # not at import: the backend may be made before the apps

        self.validate_task(task)
        return DBTaskResult(
            id=self._get_id(),
            args_kwargs=normalize_json({"args": args, "kwargs": kwargs}),
            priority=task.priority,
            task_path=task.module_path,
            queue_name=task.queue_name,
            run_after=task.run_after,
            backend_name=self.alias,
        )

    def enqueued(self, row):
        """As the library's enqueue() ends, for a row written: the signal sent, and the task's result."""
        result = row.task_result  # built anew at each reading: once here, where the library builds it twice
        task_enqueued.send(type(self), task_result=result)
        return result

    def enqueue(self, task, args, kwargs):
        return self.enqueued(self._task_to_db_task(task, args, kwargs))
