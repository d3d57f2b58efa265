"""Which years the data covers, for the year selector."""

from __future__ import annotations

from db.models import Campaign, Meeting, Plan, Proposal


def data_years() -> set[int]:
    """Every year that holds a plan, meeting, campaign or proposal."""
    years: set[int] = set()
    for model in (Plan, Meeting, Campaign, Proposal):
        years.update(y for (y,) in model.select(model.year).distinct().tuples())
    return years


def available_years(today_year: int) -> list[int]:
    """The years with data, plus this year and the next (plans are drafted ahead)."""
    return sorted(data_years() | {today_year, today_year + 1})


def default_year(today_year: int) -> int:
    """The current year when it holds data, else the latest year that does."""
    years = data_years()
    if today_year in years or not years:
        return today_year
    return max(years)
