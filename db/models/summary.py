"""The year-end summary's narrative sections, written by the operator and kept with the year."""

from __future__ import annotations

import peewee as pw

from db.models.base import BaseModel


class YearSummary(BaseModel):
    """Báo cáo tổng kết năm: the parts the data cannot say (schema version 8)."""

    year = pw.IntegerField(unique=True)
    results = pw.TextField(default="")  # kết quả nổi bật
    shortcomings = pw.TextField(default="")  # tồn tại, hạn chế và nguyên nhân
    lessons = pw.TextField(default="")  # bài học kinh nghiệm
    directions = pw.TextField(default="")  # phương hướng, nhiệm vụ năm sau
    recommendations = pw.TextField(default="")  # đề xuất, kiến nghị

    class Meta:
        table_name = "year_summary"
