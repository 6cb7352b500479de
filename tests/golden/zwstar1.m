zwstar1 ; ZWRITE with subscript patterns: *, ranges, and an indirect name
 kill
 set a(1)=1,a(1,1)=11,a(1,2)=12,a(2)=2,a(2,5)=25,a(3)=3,a("s")="str"
 write "a(1,*):",! zwrite a(1,*)
 write "a(:2):",! zwrite a(:2)
 write "a(2:):",! zwrite a(2:)
 write "a(1:2,*):",! zwrite a(1:2,*)
 set n="a(2)" write "@n:",! zwrite @n
 write "a(2,*) via @:",! zwrite @n@(*)
 write "a(""s""):",! zwrite a("s")
 quit
