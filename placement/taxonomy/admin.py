from django.contrib import admin

from placement.taxonomy.models import EducationLevel, Industry, Occupation, Province, Regency, Skill


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "population")
    search_fields = ("code", "name")


@admin.register(Regency)
class RegencyAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "population")
    search_fields = ("code", "name")


@admin.register(Occupation)
class OccupationAdmin(admin.ModelAdmin):
    list_display = ("code", "title", "level", "isco08_code")
    list_filter = ("level",)
    search_fields = ("code", "title")


@admin.register(Industry)
class IndustryAdmin(admin.ModelAdmin):
    list_display = ("code", "title", "level")
    list_filter = ("level",)
    search_fields = ("code", "title")


@admin.register(EducationLevel)
class EducationLevelAdmin(admin.ModelAdmin):
    list_display = ("code", "short_name", "rank", "order")


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ("label_en", "label_id", "reuse_level", "common_rank")
    search_fields = ("label_en", "label_id")
