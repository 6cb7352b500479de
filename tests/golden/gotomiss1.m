gotomiss1 ; GOTO a missing label: LABELNOTFND placed at the routine's last line; with an offset LABELMISSING; an offset past the end OFFSETINV
 set $etrap="write $piece($zstatus,"","",2,9),"" "",$ecode,! set $ecode="""" quit"
 do a,b,c,d,e,f,g,h,i,j
 quit
a goto nolab
b goto nolab+1
c do nolab+0
d do a+99
e goto +99
f set x=99 do a+x
g do a+99^gotomiss1
h goto nolab:0 write "h ok",! quit
i if 0 goto nolab
 write "i ok",!
 goto nolab:1
j goto nolab^gotomiss1
last ;
