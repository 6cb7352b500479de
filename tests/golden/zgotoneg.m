zgotoneg ; ZGOTO with a negative level counts back from the current one
 write "top ",$zlevel,!
 do a(-1)
 write "back top ",$zlevel,!
 do a(-2)
 write "back top ",$zlevel,!
 do a(-9)
 write "back top ",$zlevel,!
 do a("-2:lab")
 write "not reached: lab quits level 1",!
 quit
a(n) write "a ",$zlevel,!
 do b(n)
 write "back a ",$zlevel,!
 quit
b(n) write "b ",$zlevel,!
 new $etrap set $etrap="write $zstatus,! set $ecode="""" quit"
 zgoto @n
 write "after zgoto ",$zlevel,!
 quit
lab write "lab ",$zlevel,!
 quit
