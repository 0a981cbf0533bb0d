from django.http import HttpResponse


def plan_list(request): return HttpResponse()
def plan_detail(request, plan_id): return HttpResponse()
def recommendation_detail(request, recommendation_id): return HttpResponse()
def action_detail(request, action_id): return HttpResponse()
