trapzg2 ; ZGOTO from an $ETRAP to resume at a label of the top level
 set $etrap="set $ecode="""" zgoto 1:resume^trapzg2"
 do a
 write "not reached",!
 quit
a do b quit
b write "b errs",! set x=1/0 quit
resume write "resumed at zlevel ",$zlevel,!
 write "ecode=[",$ecode,"]",!
 zgoto $zlevel:fin
 write "not here",!
fin write "fin",!
 quit
