from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse


@login_not_required
def finder(request):
    return HttpResponse("")


@login_not_required
def station(request, pk):
    return HttpResponse("")


@login_not_required
def scan(request, code):
    return HttpResponse("")


@login_not_required
def feedback(request, pk):
    return HttpResponse("")
