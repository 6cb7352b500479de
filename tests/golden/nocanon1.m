nocanon1 ; NOCANONICNAME shows the value in ZWRITE form: quoted, control characters as $C()
 set $etrap="write $zstatus,! set $ecode="""" quit"
 do ql("a(1") do ql("a(""x") do ql("a("_$c(1)) do ql("a(1,") do ql("x)")
 do ql("a(1)b") do ql("") do ql(1) do ql(-2.5) do ql("01") do ql("^a(1")
 do qs("a(") do qs("b(""q"_$c(9,10))
 write "done",!
 quit
ql(x) write $qlength(x),!
 quit
qs(x) write $qsubscript(x,1),!
 quit
